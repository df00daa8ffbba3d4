using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Support;

/// <summary>
/// The real service, in process, on its own database and with a real SMTP server catching its email.
/// Security settings are as in production (two-factor required for staff); rate limits are off unless a
/// test turns them on.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private readonly TestDatabase _database;
    private bool _disposed;

    public ServiceFactory()
    {
        Directory.CreateDirectory(DataDirectory);
        _database = new TestDatabase(DataDirectory);
    }

    public MailCatcher Mail { get; } = new();

    /// <summary>Where the database is, for running the command line against the same one.</summary>
    public IEnumerable<KeyValuePair<string, string?>> DatabaseSettings => _database.Settings;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "sod-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Everything the service is configured with; subclasses add or change settings.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. _database.Settings,
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:UseStartTls", "false"),
        new("Email:PickupDirectory", Path.Combine(DataDirectory, "mail")),
        new("RateLimits:Enabled", "false"),
        // Correctness tests read straight after writing; the shared one-second cache has tests of its own.
        new("PublicPageCache:Seconds", "0"),
        new("Security:RequireStaffTwoFactor", "true"),
        // Email arrives within a tenth of a second, so tests that wait for it wait little.
        new("Notifications:PollSeconds", "0.05"),
        // The CKAN portals tests import from run on 127.0.0.1, which production refuses (PrivateSourcesTests).
        new("Catalogue:AllowPrivateSources", "true"),
        // The log of every request, written and thrown away by the test host, costs time and tells a test nothing.
        new("Logging:LogLevel:Default", "Warning"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        // Tests make and sign in hundreds of people: the same PBKDF2 hashes and checks, with a hundredth of the work
        // factor (a hash records its own count, so people the command line made still sign in).
        builder.ConfigureTestServices(services =>
        {
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SaveCrash>();
            // A request runs in the calling test's flow, so a crash a test arranges reaches the page it posts to.
            services.Configure<TestServerOptions>(options => options.PreserveExecutionContext = true);
        });
    }

    public virtual async Task InitializeAsync()
    {
        await _database.CreateAsync();
        await BeforeStartAsync();
        Mail.Start();
        StartService();
    }

    /// <summary>Work on the new database before the service starts on it.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Starts the service now rather than inside the first test.</summary>
    protected virtual void StartService() => _ = Services;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await base.DisposeAsync();
        await Mail.DisposeAsync();
        await _database.DropAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    /// <param name="clientAddress">Where the request seems to come from (X-Forwarded-For), where forwarded headers are on.</param>
    public WebSession NewSession(bool followRedirects = true, string? clientAddress = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        }
        return new WebSession(client);
    }

    /// <summary>A person with a confirmed account, made as an administrator would make them.</summary>
    /// <param name="withPassword">False makes someone who can only use the API (much faster: no password hashing).</param>
    public async Task<Person> CreatePersonAsync(string? role = null, string? organisation = null, bool twoFactor = false, string? name = null, bool withPassword = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var email = $"person-{Guid.NewGuid():N}@example.com";
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<Onboarding>()
            .AddAsync(new NewPerson(email, name ?? "Test Person", withPassword ? Password : null, role, organisation));
        Assert.True(user is not null, string.Join("; ", errors));
        string? key = null;
        if (twoFactor)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return new Person(user.Id, email, user.DisplayName, key);
    }

    /// <summary>
    /// The person chooses email straight away for every kind of thing (by default what they only follow comes in a
    /// daily digest): for tests about what followers are told.
    /// </summary>
    public Task<Person> HearingAtOnceAsync(Person person) => WithServicesAsync(async s =>
    {
        await s.GetRequiredService<Preferences>().SetAsync(
            person.Id, NotificationKinds.All.ToDictionary(k => k.Code, _ => Choice.Immediately), CancellationToken.None);
        return person;
    });

    /// <summary>
    /// Sends everything the outbox holds now and waits for what another worker is sending, so that a test can
    /// then assert what was <em>not</em> sent without waiting a fixed time (which would also pass if the worker
    /// were merely slow).
    /// </summary>
    public async Task DrainOutboxAsync()
    {
        var worker = Services.GetRequiredService<ShapeOpenData.Modules.Notifications.OutboxWorker>();
        var clock = Services.GetRequiredService<TimeProvider>();
        while (true)
        {
            if (await worker.SendBatchAsync(CancellationToken.None) > 0) continue;
            var now = clock.GetUtcNow().UtcDateTime;
            if (!await WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                    db.OutboxEmails.Where(m => m.SentAt == null && m.NextAttemptAt <= now))))
            {
                return;
            }
            await Task.Delay(10); // The hosted worker has claimed the rest and marks them sent in a moment.
        }
    }

    /// <summary>Runs <paramref name="action"/> with the database, for arranging and checking state.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The audit log's entries for one item, oldest first.</summary>
    public Task<List<ShapeOpenData.Modules.Audit.AuditEntry>> AuditTrailAsync(string entityType, int entityId) => WithDatabaseAsync(db =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.EntityType == entityType && e.EntityId == entityId).OrderBy(e => e.Id)));

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>The person as the service sees them when they sign in: roles, organisations, display name.</summary>
    public Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(Person person) => WithServicesAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<User>>();
        var user = await users.FindByIdAsync(person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await s.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user!);
    });

    /// <summary>An HTTP client that calls the API with a new personal token of <paramref name="person"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(Person person)
    {
        var token = await WithServicesAsync(s => s.GetRequiredService<ApiTokens>().IssueAsync(person.Id, "test"));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A request submitted through the real workflow, as <paramref name="requester"/>.</summary>
    public Task<int> SubmitRequestAsync(Person requester, string? title = null, string organisation = "department-for-transport",
        string regime = "service", bool confidential = false, Theme theme = Theme.Transport) =>
        WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var organisationId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Organisations.Where(o => o.Slug == organisation).Select(o => o.Id));
            var today = ShapeOpenData.Infrastructure.TimeProviderExtensions.Today(s.GetRequiredService<TimeProvider>());
            var request = await s.GetRequiredService<ShapeOpenData.Modules.DatasetRequests.RequestWorkflow>().SubmitAsync(
                new ShapeOpenData.Modules.DatasetRequests.NewRequest(
                    title ?? $"Test data {Guid.NewGuid():N}", "What we need.", organisationId, [theme],
                    ShapeOpenData.Modules.DatasetRequests.IntendedUse.Research, null, [], confidential, requester.Id,
                    ShapeOpenData.Modules.DatasetRequests.ReceivedVia.Service, today),
                regime, await PrincipalAsync(requester));
            // Suggestions see it now rather than at the title index's next catch-up, a quarter of a second away.
            await s.GetRequiredService<ShapeOpenData.Modules.DatasetRequests.TitleIndex>().CatchUpAsync();
            return request.Id;
        });
}

/// <param name="AuthenticatorKey">Set when two-factor authentication is on: codes are made from it.</param>
public sealed record Person(int Id, string Email, string Name, string? AuthenticatorKey)
{
    public string CurrentCode() => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(AuthenticatorKey!)).ComputeTotp();
}
