using Microsoft.Playwright;
using Cookie = Microsoft.Playwright.Cookie;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// A browser test: the pages it opens, each in a context of its own (its own cookies, as a different person's
/// browser), are watched for the status of what they load and closed when the test ends.
/// </summary>
[Collection(OneBrowser.Name)]
public abstract class BrowserTest(BrowserFixture service) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserFixture Service => service;

    /// <summary>A page in a new browser, with JavaScript on or off, in a window as narrow as a phone's if asked.</summary>
    protected async Task<IPage> NewPageAsync(bool javaScript = true, bool phone = false) => await OpenAsync(javaScript, cookies: null, phone);

    /// <summary>A page in a new browser where <paramref name="person"/> has signed in.</summary>
    protected async Task<IPage> SignedInPageAsync(Person person, bool javaScript = true, bool phone = false) =>
        await OpenAsync(javaScript, await service.SignedInCookiesAsync(person), phone);

    private async Task<IPage> OpenAsync(bool javaScript, Cookie[]? cookies, bool phone)
    {
        var context = await service.NewContextAsync(javaScript, cookies, phone);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        Accessibility.Watch(page, javaScript ? null : service.ScriptlessTwin);
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
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
