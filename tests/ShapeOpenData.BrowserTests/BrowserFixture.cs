using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Cookie = Microsoft.Playwright.Cookie;

namespace ShapeOpenData.BrowserTests;

/// <summary>Every browser test shares one service and one Chromium, and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class OneBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The real service on Kestrel (a real port on 127.0.0.1) with the demo catalogue imported, its email caught
/// by a real SMTP server, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserFixture : ServiceFactory
{
    private readonly ConcurrentDictionary<int, Task<Cookie[]>> _signedIn = new();
    private readonly ConcurrentDictionary<string, Task<Person>> _people = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Where pages seen without JavaScript are checked by axe-core (see <see cref="Accessibility"/>).</summary>
    internal IPage ScriptlessTwin { get; private set; } = null!;

    /// <summary>
    /// Debian's headless shell (what Playwright itself runs for headless Chromium: half the CPU of the full browser
    /// for the same pages), or the full browser where only that is installed.
    /// </summary>
    private static string ChromiumPath =>
        new[] { "/usr/bin/chromium-headless-shell", "/usr/bin/chromium" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed: apt-get install -y chromium-headless-shell");

    public BrowserFixture() => UseKestrel(0);

    protected override void StartService() => StartServer();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        ScriptlessTwin = await NewTwinAsync();
        await this.ImportDemoCatalogueAsync();
    }

    /// <summary>A new browser context: its own cookies, as another person's browser.</summary>
    /// <param name="phone">A narrow window, 375 by 740 pixels, as on a small phone.</param>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript, IEnumerable<Cookie>? cookies = null, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, JavaScriptEnabled = javaScript, ViewportSize = phone ? new ViewportSize { Width = 375, Height = 740 } : null,
        });
        if (cookies is not null)
        {
            await context.AddCookiesAsync(cookies);
        }
        return context;
    }

    /// <summary>
    /// The cookies of <paramref name="person"/> signed in, made once through the sign-in pages over HTTP (answering
    /// the two-factor question when asked): signing in in the browser is the new-user journey's subject, and
    /// every other test starts where it ends.
    /// </summary>
    public Task<Cookie[]> SignedInCookiesAsync(Person person) => _signedIn.GetOrAdd(person.Id, async _ =>
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = new Uri(BaseUrl) };
        var signedIn = await new WebSession(http).SignInAsync(person);
        Assert.True(signedIn.Status == HttpStatusCode.OK && !signedIn.Url.StartsWith("/account/sign-in", StringComparison.Ordinal),
            $"{person.Email} could not sign in: {signedIn.Status} {signedIn.Url}");
        return jar.GetAllCookies().Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = BaseUrl, HttpOnly = c.HttpOnly }).ToArray();
    });

    /// <summary>
    /// One person per role (and organisation) for the whole run, for tests about what such a person sees rather than
    /// about them; tests that change a person's own data make their own.
    /// </summary>
    public Task<Person> SharedPersonAsync(string? role = null, string? organisation = null) =>
        _people.GetOrAdd($"{role}/{organisation}", _ => CreatePersonAsync(role, organisation, twoFactor: role is not null, name: "Shared Person"));

    /// <summary>A page that may run axe-core but none of the service's own scripts, on the service's origin so styles load.</summary>
    private async Task<IPage> NewTwinAsync()
    {
        var context = await NewContextAsync(javaScript: true);
        await context.RouteAsync(new Regex(@"\.m?js(\?|$)"), route => route.AbortAsync());
        var twin = await context.NewPageAsync();
        await twin.GotoAsync("/health/live");
        return twin;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
