using Microsoft.Playwright;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// A member of the public finds the guide "Your right to data" from the home page, reads when a freedom of
/// information request made today must be answered, finds the Department for Transport's contact and record, and
/// goes on to its page: with and without JavaScript, axe-core checking every page.
/// </summary>
public sealed class RightToDataJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FromTheHomePage_ToAnOrganisationsContactAndRecord(bool javaScript)
    {
        var page = await NewPageAsync(javaScript);
        await page.GotoAsync("/");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Your right to data", Exact = true }).First.ClickToNavigateAsync();

        Assert.Equal("Your right to data", (await page.Locator("h1").TextContentAsync())?.Trim());
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Freedom of Information Act 2000" }).ClickAsync();
        Assert.StartsWith("If you ask today (", (await page.Locator("#example-foi p").First.TextContentAsync())?.Trim(), StringComparison.Ordinal);

        await page.GetByLabel("Find an organisation").FillAsync("transport");
        await page.Locator("#main-content").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickToNavigateAsync();

        Assert.EndsWith("/your-right-to-data/organisations?name=transport", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        var row = page.Locator("main tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Department for Transport", Exact = true }) });
        Assert.Contains("Answered within the deadline", await page.Locator("main thead").TextContentAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Link, new() { Name = "Department for Transport", Exact = true }).ClickToNavigateAsync();

        Assert.EndsWith("/organisations/department-for-transport", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "your right to data" }).ClickToNavigateAsync();
        Assert.EndsWith("/your-right-to-data", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryPageOfTheGuide_IsAccessible_OnAPhone(bool javaScript)
    {
        var page = await NewPageAsync(javaScript, phone: true);
        foreach (var path in new[] { "/your-right-to-data", "/your-right-to-data/organisations", "/your-right-to-data/organisations?page=2" })
        {
            await page.GotoAsync(path);
            await page.AssertAccessibleAsync();
        }
        await page.GotoAsync("/your-right-to-data/organisations?page=0");
        await page.AssertAccessibleAsync(HttpStatusCode.BadRequest);
    }
}
