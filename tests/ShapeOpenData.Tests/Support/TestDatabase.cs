using Npgsql;

namespace ShapeOpenData.Tests.Support;

/// <summary>
/// A fresh database for each test fixture, on the provider the test run asks for:
/// <c>SHAPE_TEST_DATABASE=sqlite</c> (the default) or <c>postgres</c>, with the server in <c>SHAPE_TEST_POSTGRES</c>.
/// </summary>
public sealed class TestDatabase
{
    public static string Provider => Environment.GetEnvironmentVariable("SHAPE_TEST_DATABASE") is { Length: > 0 } p ? p : "sqlite";

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("SHAPE_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : "Host=127.0.0.1;Port=5433;Username=postgres";

    private readonly string _directory;
    private readonly string? _postgresDatabase;

    public TestDatabase(string directory)
    {
        _directory = directory;
        if (Provider == "postgres")
        {
            _postgresDatabase = $"sod_test_{Guid.NewGuid():N}"[..30];
        }
    }

    /// <summary>The configuration that points the service at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
        _postgresDatabase is null
            ? [new("Database:Provider", "sqlite"), new("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_directory, "test.db")}")]
            : [new("Database:Provider", "postgres"), new("ConnectionStrings:Postgres", $"{PostgresServer};Database={_postgresDatabase}")];

    public async Task DropAsync()
    {
        if (_postgresDatabase is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{PostgresServer};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
