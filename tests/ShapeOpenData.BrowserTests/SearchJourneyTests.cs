using Microsoft.Playwright;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// Searching in Chromium, with and without JavaScript: from the header's search box on the home page to the results,
/// found by a stemmed word, the type filter, and a mistake in a date with its error summary. axe-core checks every page.
/// </summary>
public sealed class SearchJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SearchFromTheHeader_FilterTheResults_AndCorrectAMistake(bool javaScript)
    {
        var word = new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).Prepend('q').Prepend('z')]);
        var request = await Service.SubmitRequestAsync(await Service.CreatePersonAsync(), $"Ferry timetables for {word}");

        var page = await NewPageAsync(javaScript);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Search, new() { Name = "Site" }).GetByRole(AriaRole.Searchbox).FillAsync($"{word} timetable");
        await page.GetByRole(AriaRole.Search, new() { Name = "Site" }).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickToNavigateAsync();
        Assert.Contains("1 result", await page.Locator("main [role=status]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal($"/requests/{request}", await page.Locator(".sod-results__title a").GetAttributeAsync("href"));
        await page.AssertAccessibleAsync();

        await page.GetByText("Filter the results").ClickAsync();
        await page.GetByLabel("Type").SelectOptionAsync("dataset");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickToNavigateAsync();
        Assert.Contains("No results", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/search?q={word}&from=2026-02-30");
        Assert.Contains("The earliest date must be a real date", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync(HttpStatusCode.BadRequest);
    }
}
