using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// axe-core (the version bundled with Deque.AxeCore.Commons, all its default rules) run on a page as it is
/// now: a serious or critical violation fails the test, naming where it is.
/// </summary>
public static class Accessibility
{
    private static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    private const string RunAxe = """
        async () => {
          const results = await axe.run(document, { resultTypes: ['violations'] });
          return results.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    private static readonly ConditionalWeakTable<IPage, Watched> Pages = [];

    /// <summary>What a page last loaded, and where it is checked when it runs no JavaScript.</summary>
    private sealed class Watched(IPage? twin)
    {
        public IPage? Twin { get; } = twin;
        public int? Status { get; set; }
    }

    /// <summary>
    /// Notes the status of every page <paramref name="page"/> loads. A page without JavaScript cannot run axe-core
    /// (its scripts never run), so it is checked in <paramref name="scriptlessTwin"/>: the same HTML on the same
    /// origin, unenhanced.
    /// </summary>
    internal static void Watch(IPage page, IPage? scriptlessTwin)
    {
        var watched = new Watched(scriptlessTwin);
        Pages.Add(page, watched);
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                watched.Status = response.Status;
            }
        };
    }

    /// <summary>Fails unless the page loaded with <paramref name="status"/> and axe-core finds nothing serious or critical on it.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, HttpStatusCode status = HttpStatusCode.OK)
    {
        var watched = Pages.TryGetValue(page, out var found) ? found : throw new InvalidOperationException("Open pages through BrowserTest");
        Assert.True(watched.Status == (int)status, $"{page.Url} answered {watched.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}, not {(int)status}");
        var checkedPage = page;
        if (watched.Twin is { } twin)
        {
            await twin.SetContentAsync(await page.ContentAsync(), new() { WaitUntil = WaitUntilState.Load });
            checkedPage = twin;
        }
        if (!await checkedPage.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await checkedPage.EvaluateAsync(AxeScript);
        }
        var problems = await checkedPage.EvaluateAsync<string[]>(RunAxe);
        Assert.True(problems.Length == 0, $"{page.Url}: {string.Join("; ", problems)}");
    }
}
