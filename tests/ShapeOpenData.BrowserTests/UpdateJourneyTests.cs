using Microsoft.Playwright;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// A policy update in Chromium, with and without JavaScript: a publisher posts an update with tags (after an empty form's
/// errors); a participant suggests an improvement; the publisher answers "adopted"; anyone sees the answer on the
/// update, and the update on its tag's page and in the list. axe-core checks every page on the way.
/// </summary>
public sealed class UpdateJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PostAnUpdate_SuggestAnImprovement_AndAdoptIt(bool javaScript)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Road safety data {suffix}";
        var tag = $"roads-{suffix}";
        var publisher = await Service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, name: "Tia Publisher");

        var page = await SignedInPageAsync(publisher, javaScript);
        await page.GotoAsync("/updates");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Post an update" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickToNavigateAsync();
        Assert.Contains("Enter the update's title", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Summary").FillAsync("Street-level collision data is coming.");
        await page.GetByLabel("Update", new() { Exact = true }).FillAsync("We will publish collisions by **street segment**.");
        await page.GetByLabel("Tags (optional)").FillAsync($"{tag}, Open data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickToNavigateAsync();
        Assert.Contains("/updates/road-safety-data-", page.Url, StringComparison.Ordinal);
        var address = new Uri(page.Url).AbsolutePath;
        await page.AssertAccessibleAsync();

        var participant = await Service.CreatePersonAsync(name: "Ray Reader");
        var reader = await SignedInPageAsync(participant, javaScript);
        await reader.GotoAsync(address);
        await reader.GetByLabel("Suggest an improvement").FillAsync("Include the speed limit of each segment.");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Send suggestion" }).ClickToNavigateAsync();
        Assert.Contains("Not answered yet", await reader.Locator(".sod-suggestion").TextContentAsync(), StringComparison.Ordinal);
        await reader.AssertAccessibleAsync();

        await page.GotoAsync(address);
        await page.GetByRole(AriaRole.Link, new() { Name = "Answer to suggestion" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Not adopted").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish answer" }).ClickToNavigateAsync();
        Assert.Contains("Say why the suggestion is not adopted", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        await page.GetByLabel("Adopted", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Speed limits will be a column in the data.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish answer" }).ClickToNavigateAsync();
        Assert.Contains(address, page.Url, StringComparison.Ordinal);

        var anyone = await NewPageAsync(javaScript);
        await anyone.GotoAsync(address);
        var answered = await anyone.Locator(".sod-suggestion").TextContentAsync();
        Assert.Contains("Adopted", answered, StringComparison.Ordinal);
        Assert.Contains("Speed limits will be a column in the data.", answered, StringComparison.Ordinal);
        await anyone.AssertAccessibleAsync();
        await anyone.GetByRole(AriaRole.Link, new() { Name = tag }).ClickToNavigateAsync();
        Assert.EndsWith($"/updates/tags/{tag}", anyone.Url, StringComparison.Ordinal);
        Assert.Contains(title, await anyone.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await anyone.AssertAccessibleAsync();
    }
}
