using Microsoft.Playwright;

namespace ShapeOpenData.BrowserTests;

/// <summary>Everything works with JavaScript switched off: progressive enhancement only.</summary>
public sealed class WithoutJavaScriptTests(BrowserFixture service) : BrowserTest(service)
{
    [Fact]
    public async Task DeadlineCalculator_AnswersWithoutJavaScript()
    {
        var page = await NewPageAsync(javaScript: false);
        await page.GotoAsync("/tools/deadline");

        await page.GetByLabel("Freedom of Information Act 2000").CheckAsync();
        await page.GetByLabel("Day").FillAsync("16");
        await page.GetByLabel("Month").FillAsync("3");
        await page.GetByLabel("Year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Work out the deadline" }).ClickToNavigateAsync();

        Assert.Equal("Reply due by Thursday 16 April 2026", (await page.Locator(".govuk-panel__title").TextContentAsync())?.Trim());
        Assert.Contains("St Patrick's Day (Northern Ireland)", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task PasswordField_HasNoShowButtonWithoutJavaScript_AndOneWithIt()
    {
        var without = await NewPageAsync(javaScript: false);
        await without.GotoAsync("/account/sign-in");
        Assert.False(await without.GetByRole(AriaRole.Button, new() { Name = "Show password" }).IsVisibleAsync());

        var with = await NewPageAsync(javaScript: true);
        await with.GotoAsync("/account/sign-in");
        var show = with.GetByRole(AriaRole.Button, new() { Name = "Show password" });
        await show.WaitForAsync();
        await show.ClickAsync();
        Assert.Equal("text", await with.GetByLabel("Password", new() { Exact = true }).GetAttributeAsync("type"));
    }

    [Fact]
    public async Task SimilarRequests_AppearWhileTypingATitle_WhenJavaScriptRuns()
    {
        var existing = await Service.SubmitRequestAsync(await Service.CreatePersonAsync(), "Reservoir water levels, daily");
        var page = await SignedInPageAsync(await Service.CreatePersonAsync());
        await page.GotoAsync("/requests/new");

        await page.GetByLabel("Give your request a short title").PressSequentiallyAsync("Daily reservoir levels");

        var suggestion = page.Locator($"#similar-suggestions a[href='/requests/{existing}']");
        await suggestion.WaitForAsync();
        Assert.Equal("Reservoir water levels, daily", await suggestion.TextContentAsync());
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ThePageRaisesNoContentSecurityPolicyErrors()
    {
        var page = await NewPageAsync(javaScript: true);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };

        await page.GotoAsync("/account/register");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(problems);
        Assert.True(await page.EvaluateAsync<bool>("document.body.classList.contains('govuk-frontend-supported')"));
    }
}
