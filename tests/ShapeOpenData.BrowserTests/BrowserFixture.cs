using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MimeKit;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// The real service on Kestrel (a real port on 127.0.0.1), email written to the pickup directory as in
/// development, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserFixture : ServiceFactory
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("Email:Smtp:Host", "")];

    public BrowserFixture() => UseKestrel(0);

    public override async Task InitializeAsync()
    {
        Mail.Start();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScript });
        if (!javaScript)
        {
            Accessibility.WithoutJavaScript.Add(context, this);
        }
        return await context.NewPageAsync();
    }

    /// <summary>Signs <paramref name="person"/> in on a new page, answering the two-factor question when asked.</summary>
    public async Task<IPage> SignedInPageAsync(Person person, bool javaScript = true)
    {
        var page = await NewPageAsync(javaScript);
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(person.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickToNavigateAsync();
        if (person.AuthenticatorKey is not null)
        {
            await page.GetByLabel("Enter your security code").FillAsync(person.CurrentCode());
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickToNavigateAsync();
        }
        return page;
    }

    /// <summary>Every email to <paramref name="address"/> so far, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> EmailsToAsync(string address)
    {
        var messages = new List<MimeMessage>();
        if (!Directory.Exists(MailDirectory)) return messages;
        foreach (var file in Directory.GetFiles(MailDirectory, "*.eml").Order())
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))) messages.Add(message);
        }
        return messages;
    }

    /// <summary>The newest email to <paramref name="address"/> in the pickup directory.</summary>
    public async Task<MimeMessage> EmailToAsync(string address)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(MailDirectory))
            {
                foreach (var file in Directory.GetFiles(MailDirectory, "*.eml").Order().Reverse())
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                    {
                        return message;
                    }
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No email to {address} in {MailDirectory}");
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

public static class Navigation
{
    /// <summary>
    /// Clicks a link or a form's button and waits for the page it leads to, so that what the test reads next is
    /// the new page rather than the old one mid-navigation (a busy machine answers a form post slowly).
    /// </summary>
    public static async Task ClickToNavigateAsync(this ILocator target)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        target.Page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            target.Page.Load -= OnLoad;
        }
    }
}

public static class Accessibility
{
    /// <summary>Contexts with JavaScript off, where axe-core cannot run in the page itself.</summary>
    internal static readonly ConditionalWeakTable<IBrowserContext, BrowserFixture> WithoutJavaScript = [];

    /// <summary>Runs axe-core on the page as it is now; fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        if (WithoutJavaScript.TryGetValue(page.Context, out var service))
        {
            await AssertTwinAccessibleAsync(page, service);
            return;
        }
        var results = await page.RunAxe();
        var problems = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(problems.Count == 0,
            $"{page.Url}: " + string.Join("; ", problems.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>
    /// A page seen without JavaScript is checked in a twin that may run axe but not the service's own scripts:
    /// the same HTML, on the same origin (so styles load), unenhanced.
    /// </summary>
    private static async Task AssertTwinAccessibleAsync(IPage page, BrowserFixture service)
    {
        var html = await page.ContentAsync();
        await using var context = await service.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = service.BaseUrl });
        await context.RouteAsync(new Regex(@"\.m?js(\?|$)"), route => route.AbortAsync());
        var twin = await context.NewPageAsync();
        await twin.GotoAsync("/health/live");
        await twin.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
        await twin.AssertAccessibleAsync();
    }
}
