using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ShapeOpenData.Tests.Support;

/// <summary>
/// A fresh database for each test fixture, on the provider the test run asks for:
/// <c>SHAPE_TEST_DATABASE=sqlite</c> (the default) or <c>postgres</c>, with the server in <c>SHAPE_TEST_POSTGRES</c>.
/// Each is a copy of one template that the service itself migrated and filled with reference data, once per test
/// run: a copy takes a fraction of the time migrating does, most of all on PostgreSQL.
/// </summary>
public sealed class TestDatabase
{
    public static string Provider => Environment.GetEnvironmentVariable("SHAPE_TEST_DATABASE") is { Length: > 0 } p ? p : "sqlite";

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("SHAPE_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : "Host=127.0.0.1;Port=5433;Username=postgres";

    private static readonly Lazy<Task<TestDatabase>> Template = new(MakeTemplateAsync);
    private static readonly SemaphoreSlim OneCopyAtATime = new(1, 1);

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

    private string SqliteFile => Path.Combine(_directory, "test.db");

    /// <summary>The configuration that points the service at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
        _postgresDatabase is null
            ? [new("Database:Provider", "sqlite"), new("ConnectionStrings:Sqlite", $"Data Source={SqliteFile}")]
            : [new("Database:Provider", "postgres"), new("ConnectionStrings:Postgres", $"{PostgresServer};Database={_postgresDatabase}")];

    /// <summary>Makes the database, as a copy of the template, before the service starts on it.</summary>
    public async Task CreateAsync()
    {
        var template = await Template.Value;
        if (_postgresDatabase is null)
        {
            File.Copy(template.SqliteFile, SqliteFile);
            return;
        }
        // PostgreSQL copies a template for one CREATE DATABASE at a time.
        await OneCopyAtATime.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{_postgresDatabase}\" TEMPLATE \"{template._postgresDatabase}\"");
        }
        finally
        {
            OneCopyAtATime.Release();
        }
    }

    public async Task DropAsync()
    {
        if (_postgresDatabase is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{PostgresServer};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts the service once on an empty database, which it migrates and fills with reference data, and stops it.</summary>
    private static async Task<TestDatabase> MakeTemplateAsync()
    {
        var template = new TestDatabase(Path.Combine(Path.GetTempPath(), "sod-tests", $"template-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(template._directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            template.DropAsync().GetAwaiter().GetResult();
            Directory.Delete(template._directory, recursive: true);
        };
        if (template._postgresDatabase is not null)
        {
            await ExecuteAsync($"CREATE DATABASE \"{template._postgresDatabase}\"");
        }
        await using (var service = new TemplateMaker([.. template.Settings, new("Email:PickupDirectory", Path.Combine(template._directory, "mail"))]))
        {
            _ = service.Services;
        }
        // Nothing may stay connected to a template, and SQLite folds its write-ahead log in as the last connection closes.
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        return template;
    }

    private sealed class TemplateMaker(IEnumerable<KeyValuePair<string, string?>> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
