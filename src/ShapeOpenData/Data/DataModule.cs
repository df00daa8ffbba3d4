using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Picks the provider from <c>Database:Provider</c>, registers the context, keeps data-protection keys in the
/// database (no state on the instance's disk), encrypted with a certificate when <c>DataProtection:CertificatePath</c>
/// is set, and prepares the database at start.
/// </summary>
public static class DataModule
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var provider = ProviderFrom(configuration["Database:Provider"]);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Postgres is empty.");
                }
                builder.Services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((services, options) => options.UseNpgsql(PostgresConnectionString(postgres))
                    .AddInterceptors(services.GetServices<IInterceptor>()).ConfigureWarnings(Warnings(builder.Environment)));
                break;
            default:
                var sqlite = SqliteConnectionString(configuration.GetConnectionString("Sqlite"), builder.Environment.ContentRootPath);
                builder.Services.AddSingleton(s => ActivatorUtilities.CreateInstance<SqliteCheckpoints>(s, sqlite));
                builder.Services.AddHostedService(s => s.GetRequiredService<SqliteCheckpoints>());
                builder.Services.AddSingleton<IInterceptor, SqlitePragmas>();
                builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((services, options) => options.UseSqlite(sqlite)
                    .AddInterceptors(services.GetServices<IInterceptor>()).ConfigureWarnings(Warnings(builder.Environment)));
                break;
        }

        builder.Services.AddSingleton(new WriteGate(provider));
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>(tags: [Operations.ReadyTag]);
        var keys = builder.Services.AddDataProtection().SetApplicationName("ShapeOpenData").PersistKeysToDbContext<AppDbContext>();
        if (KeyCertificate(configuration, "DataProtection:CertificatePath", "DataProtection:CertificatePassword") is { } certificate)
        {
            // Keys sign sign-in cookies and the links in email: encrypted with the certificate, a copy of the database
            // (a backup, a dump) does not give them away. Keys from before a certificate changed need the old one to read.
            keys.ProtectKeysWithCertificate(certificate);
            if (KeyCertificate(configuration, "DataProtection:PreviousCertificatePath", "DataProtection:PreviousCertificatePassword") is { } previous)
            {
                keys.UnprotectKeysWithAnyCertificate(previous);
            }
        }
        return builder;
    }

    /// <summary>A PKCS#12 (.pfx) certificate with its private key, from the path and password settings named; null when no path is set.</summary>
    private static X509Certificate2? KeyCertificate(ConfigurationManager configuration, string pathSetting, string passwordSetting)
    {
        if (configuration[pathSetting] is not { Length: > 0 } path)
        {
            return null;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[passwordSetting]);
        }
        catch (Exception failure) when (failure is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{pathSetting} is {path}, but no certificate could be read from it ({failure.Message}). " +
                $"It must be a .pfx file with its private key; give its password in {passwordSetting}.", failure);
        }
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate in {pathSetting} ({path}) has no private key, so keys protected with it could not be read back.");
    }

    /// <summary>
    /// Comparing the model with the last migration at every start costs a tenth of a second; a test makes sure no
    /// model change goes without its migration instead. Outside production, a query whose rows depend on the
    /// database's whim (a page without an order, an order lost to Distinct) fails where it is written.
    /// </summary>
    private static Action<WarningsConfigurationBuilder> Warnings(IHostEnvironment environment) => warnings =>
    {
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
        if (!environment.IsProduction())
        {
            warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning, CoreEventId.DistinctAfterOrderByWithoutRowLimitingOperatorWarning);
        }
    };

    /// <summary>Applies migrations, makes sure reference data is there and, when asked, seeds demo content once.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool seedDemoContent, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Readers never wait for the writer, and a killed process loses nothing it acknowledged.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        // Make the data-protection key now, outside any transaction: on SQLite, creating it while another
        // connection holds the write lock would wait for that lock.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("start-up").Protect("ready");
        foreach (var data in scope.ServiceProvider.GetServices<IReferenceData>().OrderBy(d => d.Order))
        {
            await data.EnsureAsync(db, cancellationToken);
        }
        if (seedDemoContent && !await db.Users.AnyAsync(cancellationToken))
        {
            await SeedDemoContentAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    public static async Task SeedDemoContentAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        foreach (var content in services.GetServices<IDemoContent>().OrderBy(c => c.Order))
        {
            await content.SeedAsync(services, cancellationToken);
            // Each module's content reads what it needs: what the last one wrote would only slow every later save.
            services.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
        }
    }

    public static DatabaseProvider ProviderFrom(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{setting}'."),
    };

    /// <summary>
    /// Statements the service runs again and again are prepared once per connection, so PostgreSQL plans them
    /// once rather than on every call (planning cost more than running most of them). A setting in the
    /// connection string wins.
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (connection.MaxAutoPrepare == 0)
        {
            connection.MaxAutoPrepare = 100;
        }
        return connection.ToString();
    }

    /// <summary>The default is <c>data/shapeopendata.db</c> under the content root; relative paths are made absolute.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var connection = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/shapeopendata.db" : configured);
        if (connection.DataSource != ":memory:")
        {
            connection.DataSource = Path.GetFullPath(connection.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(connection.DataSource)!);
        }
        return connection.ToString();
    }
}

/// <summary>Data every installation needs (organisations, legal regimes, bank holidays); made sure of at every start.</summary>
public interface IReferenceData
{
    int Order { get; }
    Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken);
}

/// <summary>Demo content, seeded on first start in Development and by <c>seed-demo</c>.</summary>
public interface IDemoContent
{
    int Order { get; }
    Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>The demo's own time: content is made as if over past weeks, each step stamped when it "happened".</summary>
public sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(int days) => Now = Now.AddDays(days);
}
