using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Tests.Site;

/// <summary>The service with rate limits on and tight, and with one part that fails.</summary>
public sealed class StrictServiceFactory : ServiceFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        new("RateLimits:Enabled", "true"),
        new("RateLimits:SignInPerIpPerFiveMinutes", "3"),
        new("RateLimits:WritesPerPersonPerMinute", "4"),
        new("RateLimits:ApiReadsPerIpPerMinute", "5"),
        // As behind a load balancer: each test comes from its own address, so limits never leak between tests.
        new("ForwardedHeaders:Enabled", "true"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPersonalData, BrokenPersonalData>());
    }

    private sealed class BrokenPersonalData : IPersonalData
    {
        public string Section => "broken";
        public Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A part of the service failed (on purpose, in a test).");

        public Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class ResilienceTests(StrictServiceFactory service) : IClassFixture<StrictServiceFactory>
{
    private static int _lastAddress;

    private WebSession NewSession() => service.NewSession(clientAddress: $"192.0.2.{Interlocked.Increment(ref _lastAddress)}");

    [Fact]
    public async Task SignIn_AfterTooManyAttempts_IsRefusedWithAPageSayingWhy()
    {
        var session = NewSession();
        var form = await session.GetAsync("/account/sign-in");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await session.SubmitAsync(form, ("Email", "a@example.com"), ("Password", "wrong password"))).Status);
        }

        var refused = await session.SubmitAsync(form, ("Email", "a@example.com"), ("Password", "wrong password"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("Too many attempts", refused.Heading);
        Assert.True(refused.Response.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Writes_AreLimitedPerPerson()
    {
        var session = NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());
        var form = await session.GetAsync("/account/profile");
        var statuses = new List<HttpStatusCode>();
        for (var write = 0; write < 6; write++)
        {
            statuses.Add((await session.SubmitAsync(form, ("DisplayName", $"Name {write}"), ("Sector", "media"))).Status);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
    }

    [Fact]
    public async Task AnonymousApiReads_AreLimited()
    {
        var client = NewSession().Http;
        var statuses = new List<HttpStatusCode>();
        for (var read = 0; read < 7; read++)
        {
            statuses.Add((await client.GetAsync("/api/v1/organisations/home-office")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var limited = await client.GetAsync("/api/v1/organisations/home-office");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AFailure_ShowsTheServiceErrorPageWithoutDetail()
    {
        var session = NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());

        var page = await session.GetAsync("/account/download-data");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("Sorry, there is a problem with the service", page.Heading);
        Assert.DoesNotContain("on purpose", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page.Body, StringComparison.Ordinal);
    }
}
