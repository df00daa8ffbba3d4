using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Site;

/// <summary>
/// The service logging everything an operator could turn on (ASP.NET Core's request logs at Debug) and tracing
/// requests with OpenTelemetry (to an exporter nobody listens on), with every log line and every finished
/// request trace kept for the test to read.
/// </summary>
public sealed class LogCapturingServiceFactory : ServiceFactory
{
    private ActivityListener? _listener;

    public LogCapture Logs { get; } = new();
    public ConcurrentQueue<string> Traces { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        new("Logging:LogLevel:Default", "Debug"),
        new("Logging:LogLevel:Microsoft.AspNetCore", "Debug"),
        new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information"),
        new("OpenTelemetry:Otlp:Endpoint", "http://127.0.0.1:1"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    public override Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Traces.Enqueue($"{activity.DisplayName} {string.Join(' ', activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))}"),
        };
        ActivitySource.AddActivityListener(_listener);
        return base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        _listener?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>Every log line, with its values and scopes, as written.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Capturing(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{category}: {formatter(state, exception)}");
            Values(line, state);
            capture._scopes?.ForEachScope((scope, text) => { text.Append(" scope: ").Append(scope); Values(text, scope); }, line);
            capture.Lines.Enqueue(line.ToString());
        }

        private static void Values(StringBuilder line, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append(' ').Append(key).Append('=').Append(value);
                }
            }
        }
    }
}

/// <summary>
/// Secrets in addresses (unsubscribe tokens, invitations, password reset codes) and email subjects (which may name a
/// confidential request) stay out of logs and traces, which more people read, for longer, than those secrets last.
/// </summary>
[Trait("Databases", "one")]
public sealed class LogRedactionTests(LogCapturingServiceFactory service) : IClassFixture<LogCapturingServiceFactory>
{
    [Fact]
    public async Task NoSecretFromAnAddress_NorAConfidentialTitle_IsLoggedOrTraced()
    {
        var requester = await service.CreatePersonAsync();
        var title = $"Salaries of named officials {Guid.NewGuid():N}";
        var id = await service.SubmitRequestAsync(requester, title, confidential: true);
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, withPassword: false));
        (await programme.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { note = "On it" })).EnsureSuccessStatusCode();
        var notification = await service.Mail.WaitForAsync(requester.Email, "Review started");
        Assert.Contains(title, notification.Subject, StringComparison.Ordinal);

        var unsubscribe = new Uri((notification.Headers["List-Unsubscribe"] ?? "").Trim('<', '>')).PathAndQuery;
        var visitor = service.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(unsubscribe)).Status);

        await visitor.SubmitAsync(await visitor.GetAsync("/account/forgotten-password"), ("Email", requester.Email));
        var reset = MailCatcher.LinkIn(await service.Mail.WaitForAsync(requester.Email, "Reset your"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(reset)).Status);

        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.ByInvitation);
        var invitee = await service.CreatePersonAsync(withPassword: false);
        await service.GroupsAsync(chair, (groups, actor) => groups.InviteAsync(group.Slug, invitee.Email, GroupRole.Member, actor));
        var invitation = MailCatcher.LinkIn(await service.Mail.WaitForAsync(invitee.Email, "You are invited"));
        await visitor.GetAsync(invitation);
        await service.DrainOutboxAsync();

        var written = service.Logs.Lines.Concat(service.Traces).ToList();
        // The requests and emails were logged and traced, so their absence below means something.
        Assert.Contains(written, line => line.Contains("/unsubscribe/", StringComparison.Ordinal));
        Assert.Contains(written, line => line.Contains("/invitations/", StringComparison.Ordinal));
        Assert.Contains(written, line => line.Contains("sent by SMTP", StringComparison.Ordinal));
        Assert.Contains(written, line => line.Contains("url.path=/unsubscribe/", StringComparison.Ordinal));
        Absent(unsubscribe.Split('/')[^1], written);
        Absent(invitation.Split('/')[^1], written);
        Absent(reset.Split("code=")[1].Split('&')[0], written);
        Absent(Uri.UnescapeDataString(reset.Split("code=")[1].Split('&')[0]), written);
        Absent(title, written);
    }

    private static void Absent(string secret, IEnumerable<string> lines)
    {
        var found = lines.Where(line => line.Contains(secret, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"Written {found.Count} times, as in: {found.FirstOrDefault()}");
    }
}
