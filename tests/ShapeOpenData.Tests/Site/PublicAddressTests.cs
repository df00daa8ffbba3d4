using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Site;

/// <summary>The service as configured for production: reached at https://shape-open-data.test.</summary>
public sealed class PublicUrlServiceFactory : ServiceFactory
{
    public const string PublicUrl = "https://shape-open-data.test";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Service:PublicUrl", PublicUrl)];

    /// <summary>A browser on the service's own address, or on <paramref name="address"/>.</summary>
    public WebSession Browser(string address = PublicUrl) =>
        new(CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), HandleCookies = true }));
}

/// <summary>The service behind a proxy that ends TLS and says so (X-Forwarded-Proto), with forwarded headers turned on.</summary>
public sealed class ProxiedServiceFactory : ServiceFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("ForwardedHeaders:Enabled", "true")];
}

/// <summary>Production without the address people reach it at.</summary>
public sealed class ProductionWithoutAddressFactory : ServiceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>
/// Links in email are on the service's configured address, never on the Host a request claims: a forged Host header
/// must not make the service email a genuine password reset code pointing at someone else's site.
/// </summary>
[Trait("Databases", "one")]
[Collection(SharedService.People)]
public sealed class ForgedHostTests(ServiceFactory service)
{
    private const string Forged = "evil.example";

    [Fact]
    public async Task AForgottenPasswordRequest_WithAForgedHost_EmailsALinkOnTheServicesOwnAddress()
    {
        var person = await service.CreatePersonAsync();
        var attacker = service.NewSession();
        attacker.Http.DefaultRequestHeaders.Host = Forged;

        await attacker.SubmitAsync(await attacker.GetAsync("/account/forgotten-password"), ("Email", person.Email));

        var email = await service.Mail.WaitForAsync(person.Email, "Reset your");
        var links = WebSession.LinkPattern().Matches(email.TextBody ?? "").Select(m => new Uri(m.Value)).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.Equal("localhost", link.Host));
    }

    [Fact]
    public async Task ANotification_CausedThroughAForgedHost_LinksToTheServicesOwnAddress()
    {
        var requester = await service.CreatePersonAsync(withPassword: false);
        var id = await service.SubmitRequestAsync(requester);
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, withPassword: false));
        programme.DefaultRequestHeaders.Host = Forged;

        (await programme.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { note = "On it" })).EnsureSuccessStatusCode();

        var email = await service.Mail.WaitForAsync(requester.Email, "Review started");
        Assert.Contains($"http://localhost/requests/{id}", email.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://localhost/unsubscribe/", email.Headers["List-Unsubscribe"] ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, email.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AForwardedProto_IsIgnored_WhenForwardedHeadersAreOff()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "shape-open-data.test";
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await service.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>With <c>Service:PublicUrl</c> set: only its host is served, and the cookies are Secure however TLS is ended.</summary>
public sealed class PublicUrlTests(PublicUrlServiceFactory service) : IClassFixture<PublicUrlServiceFactory>
{
    [Fact]
    public async Task ARequestForAnotherHost_IsRefused_AndNoEmailIsSent()
    {
        var person = await service.CreatePersonAsync();
        var attacker = service.Browser();
        var form = await attacker.GetAsync("/account/forgotten-password");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        attacker.Http.DefaultRequestHeaders.Host = "evil.example";

        var forged = await attacker.SubmitAsync(form, ("Email", person.Email));

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Empty(service.Mail.To(person.Email));
    }

    [Fact]
    public async Task LinksInEmail_AreOnThePublicUrl()
    {
        var person = await service.CreatePersonAsync();
        var browser = service.Browser();

        await browser.SubmitAsync(await browser.GetAsync("/account/forgotten-password"), ("Email", person.Email));

        var email = await service.Mail.WaitForAsync(person.Email, "Reset your");
        Assert.Contains($"{PublicUrlServiceFactory.PublicUrl}/account/reset-password?", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSessionCookie_IsSecure_EvenWhenTheRequestReachedTheServiceInPlainHttp()
    {
        var person = await service.CreatePersonAsync();
        // As behind a proxy that ends TLS without saying so: the service sees http.
        using var client = service.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://shape-open-data.test"), HandleCookies = false, AllowAutoRedirect = false,
        });

        var signIn = await SignInByHandAsync(client, person);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsModule.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Signs in keeping the cookies by hand, since an HTTP client keeps Secure cookies from plain http pages to itself.</summary>
    internal static async Task<HttpResponseMessage> SignInByHandAsync(HttpClient client, Person person)
    {
        var form = await client.GetAsync("/account/sign-in");
        var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var page = await WebSession.ParseAsync(await form.Content.ReadAsStringAsync());
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Email", person.Email), new("Password", ServiceFactory.Password), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", cookies);
        return await client.SendAsync(post);
    }
}

public sealed class ProxiedTests(ProxiedServiceFactory service) : IClassFixture<ProxiedServiceFactory>
{
    [Fact]
    public async Task AForwardedProto_IsBelieved_WhenForwardedHeadersAreOn()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "shape-open-data.test";
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await service.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }
}

public sealed class StartUpTests
{
    [Fact]
    public async Task InProduction_WithoutAPublicUrl_TheServiceDoesNotStart_AndSaysWhy()
    {
        await using var factory = new ProductionWithoutAddressFactory();

        var failure = await Record.ExceptionAsync(factory.InitializeAsync);

        Assert.NotNull(failure);
        Assert.Contains("Service:PublicUrl is not set", failure.ToString(), StringComparison.Ordinal);
    }
}
