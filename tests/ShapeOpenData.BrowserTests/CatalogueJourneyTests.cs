using Microsoft.Playwright;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// Data quality and closing the loop in Chromium, with and without JavaScript: a data user finds a dataset and
/// reports a broken link, the publisher responds and closes it as fixed, and a request is closed as released
/// with the catalogue dataset (chosen from search-as-you-type matches, or typed in full), which the dataset
/// page then shows. axe-core checks every page.
/// </summary>
public sealed class CatalogueJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReportABrokenLink_PublisherFixesIt_RequestAnsweredWithTheDataset(bool javaScript)
    {
        var user = await Service.CreatePersonAsync(name: "Dana Data-User");
        var publisher = await Service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, name: "Tom Publisher");
        var details = $"The CSV link answers 404 ({(javaScript ? "with" : "without")} script).";

        // A data user finds the dataset and reports the problem.
        var reporting = await SignedInPageAsync(user, javaScript);
        await reporting.GotoAsync("/datasets");
        await reporting.AssertAccessibleAsync();
        await reporting.GetByLabel("Search datasets").FillAsync("road traffic");
        await reporting.Locator("#main-content").GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickToNavigateAsync();
        await reporting.GetByRole(AriaRole.Link, new() { Name = "Road traffic statistics", Exact = true }).ClickToNavigateAsync();
        await reporting.AssertAccessibleAsync();
        await reporting.GetByRole(AriaRole.Link, new() { Name = "Report a problem with this dataset" }).ClickToNavigateAsync();
        await reporting.AssertAccessibleAsync();
        await reporting.GetByLabel("Which part has the problem?").SelectOptionAsync(new SelectOptionValue { Label = "Annual average daily flows by count point (CSV)" });
        await reporting.GetByLabel("Broken link").CheckAsync();
        await reporting.GetByLabel("Describe the problem").FillAsync(details);
        await reporting.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickToNavigateAsync();
        Assert.Equal("Broken link", (await reporting.Locator("h1").TextContentAsync())?.Trim());
        await reporting.AssertAccessibleAsync();
        var reportUrl = new Uri(reporting.Url).AbsolutePath;

        // The publisher responds, then closes it as fixed.
        var publishing = await SignedInPageAsync(publisher, javaScript);
        await publishing.GotoAsync(reportUrl);
        await publishing.GetByRole(AriaRole.Link, new() { Name = "Respond to this report" }).ClickToNavigateAsync();
        await publishing.AssertAccessibleAsync();
        await publishing.GetByLabel("Your response").FillAsync("Thank you: we are fixing the link.");
        await publishing.GetByRole(AriaRole.Button, new() { Name = "Publish response" }).ClickToNavigateAsync();
        Assert.Contains("Acknowledged", await publishing.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
        await publishing.GetByRole(AriaRole.Link, new() { Name = "Respond to this report" }).ClickToNavigateAsync();
        await publishing.GetByLabel("Fixed").CheckAsync();
        await publishing.GetByLabel("Explanation").FillAsync("The link works again.");
        await publishing.GetByRole(AriaRole.Button, new() { Name = "Close report" }).ClickToNavigateAsync();
        Assert.Contains("Resolution: Fixed", await publishing.Locator("#resolution").TextContentAsync(), StringComparison.Ordinal);
        await publishing.AssertAccessibleAsync();
        await Service.Mail.WaitForAsync(user.Email, "Publisher responded");

        // A request for the data is closed as released with the catalogue dataset.
        var id = await Service.SubmitRequestAsync(user, organisation: "department-for-transport");
        await publishing.GotoAsync($"/requests/{id}/manage/close");
        await publishing.GetByLabel("Released").CheckAsync();
        var search = publishing.GetByLabel("Which dataset in the catalogue answers it?");
        if (javaScript)
        {
            await search.PressSequentiallyAsync("bus punct");
            var match = publishing.GetByLabel("Bus punctuality by operator");
            await Assertions.Expect(match).ToBeVisibleAsync();
            await match.CheckAsync();
        }
        else
        {
            await search.FillAsync("Bus punctuality by operator");
        }
        await publishing.AssertAccessibleAsync();
        await publishing.GetByRole(AriaRole.Button, new() { Name = "Close request" }).ClickToNavigateAsync();
        await publishing.GetByRole(AriaRole.Link, new() { Name = "Bus punctuality by operator" }).ClickToNavigateAsync();
        Assert.Contains($"/requests/{id}", await publishing.Locator("#answers").InnerHTMLAsync(), StringComparison.Ordinal);
        await publishing.AssertAccessibleAsync();
    }
}
