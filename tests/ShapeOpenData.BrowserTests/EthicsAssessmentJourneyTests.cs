using System.Text.Json;
using Microsoft.Playwright;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// A project team's data ethics self-assessment in Chromium, with and without JavaScript: someone starts it (after an
/// empty form's errors), adds a colleague, assesses the project at the start and development stages (after a form
/// missing its scores), sees the chart and its table, downloads it as Markdown and JSON, and publishes it for anyone
/// to read. axe-core checks every page on the way.
/// </summary>
public sealed class EthicsAssessmentJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StartAssessTwoStagesSeeTheChartExportAndPublish(bool javaScript)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var slug = $"journey-ethics-{suffix}";
        var starter = await Service.CreatePersonAsync(name: "Nia Lead");
        var colleague = await Service.CreatePersonAsync(name: "Omar Analyst");

        var team = await SignedInPageAsync(starter, javaScript);
        await team.GotoAsync("/ethics-assessments");
        await team.AssertAccessibleAsync();
        await team.GetByRole(AriaRole.Link, new() { Name = "Start an assessment" }).ClickToNavigateAsync();
        await team.AssertAccessibleAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickToNavigateAsync();
        Assert.StartsWith("Error: ", await team.TitleAsync(), StringComparison.Ordinal);
        await team.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        await team.GetByLabel("Project name").FillAsync($"School transport routing {suffix}");
        await team.GetByLabel("Short name for web addresses").FillAsync(slug);
        await team.GetByLabel("What does the project do, and for whom?").FillAsync("Plans **home-to-school** bus routes from pupils' addresses.");
        await team.GetByLabel("Organisation running the project (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Department for Transport" });
        await team.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickToNavigateAsync();
        Assert.EndsWith($"/ethics-assessments/{slug}", team.Url, StringComparison.Ordinal);
        await team.AssertAccessibleAsync();

        // The team grows by one.
        await team.GetByRole(AriaRole.Link, new() { Name = "Manage the team" }).ClickToNavigateAsync();
        await team.AssertAccessibleAsync();
        await team.GetByLabel("Email address").FillAsync(colleague.Email);
        await team.GetByRole(AriaRole.Button, new() { Name = "Add to the team" }).ClickToNavigateAsync();
        Assert.Contains("Omar Analyst", await team.Locator("#team").TextContentAsync(), StringComparison.Ordinal);
        await team.AssertAccessibleAsync();
        await Service.Mail.WaitForAsync(colleague.Email, "You have been added to the team assessing");

        // The start stage, after a form missing its scores; then the development stage, by the colleague.
        await team.GotoAsync($"/ethics-assessments/{slug}");
        await team.GetByRole(AriaRole.Link, new() { Name = "Assess a stage" }).ClickToNavigateAsync();
        await team.AssertAccessibleAsync();
        await team.GetByLabel("Start", new() { Exact = true }).CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Save the assessment" }).ClickToNavigateAsync();
        Assert.Contains("Select a score from 0 to 5 for transparency", await team.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await team.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        await ScoreAsync(team, [1, 2, 1, 3, 1, 2, 1, 2], "Pupils' addresses are personal data: DPIA started.");
        await team.GetByRole(AriaRole.Button, new() { Name = "Save the assessment" }).ClickToNavigateAsync();
        Assert.Contains("The start stage has been assessed", await team.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);

        var colleagues = await SignedInPageAsync(colleague, javaScript);
        await colleagues.GotoAsync($"/ethics-assessments/{slug}/stages/new");
        await colleagues.GetByLabel("Development", new() { Exact = true }).CheckAsync();
        await ScoreAsync(colleagues, [4, 4, 3, 4, 3, 5, 3, 4], "Legal review done; lawful basis is public task.");
        await colleagues.GetByRole(AriaRole.Button, new() { Name = "Save the assessment" }).ClickToNavigateAsync();
        await Service.Mail.WaitForAsync(starter.Email, "development stage assessed");

        // The chart and its table show both stages.
        await team.GotoAsync($"/ethics-assessments/{slug}");
        var chart = team.GetByRole(AriaRole.Img, new() { Name = "Latest scores at each stage, for each principle and action" });
        Assert.Equal(1, await chart.CountAsync());
        Assert.Equal(16, await team.Locator("svg.sod-ethics-chart g g rect").CountAsync());
        var law = team.Locator("#scores-table tbody tr", new() { HasText = "Comply with the law" });
        Assert.Equal(["2", "5"], await law.Locator("td").AllTextContentsAsync());
        Assert.Equal(2, await team.Locator(".sod-stage-record").CountAsync());
        await team.AssertAccessibleAsync();

        // Both downloads, from the links on the page.
        var markdown = await DownloadAsync(team, "Markdown file of this assessment");
        Assert.Contains($"# Data ethics self-assessment: School transport routing {suffix}", markdown, StringComparison.Ordinal);
        Assert.Contains("| Comply with the law | 2 | 5 |", markdown, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await DownloadAsync(team, "JSON file of this assessment")).RootElement;
        Assert.Equal(["start", "development"], json.GetProperty("latest").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("publishedAt").ValueKind);

        // Nobody else sees it until the team publishes it.
        var anyone = await NewPageAsync(javaScript);
        await anyone.GotoAsync($"/ethics-assessments/{slug}");
        await anyone.AssertAccessibleAsync(HttpStatusCode.NotFound);
        await team.GetByRole(AriaRole.Button, new() { Name = "Publish the assessment" }).ClickToNavigateAsync();
        Assert.Contains("The assessment has been published", await team.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        await team.AssertAccessibleAsync();
        await anyone.GotoAsync("/ethics-assessments");
        await anyone.AssertAccessibleAsync();
        await anyone.GetByRole(AriaRole.Link, new() { Name = $"School transport routing {suffix}" }).ClickToNavigateAsync();
        Assert.Contains("Published", await anyone.Locator("#status").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await anyone.GetByRole(AriaRole.Button, new() { Name = "Unpublish the assessment" }).CountAsync());
        await anyone.AssertAccessibleAsync();
    }

    /// <summary>Chooses each item's score (in the framework's order) and writes a note on the law.</summary>
    private static async Task ScoreAsync(IPage page, int[] scores, string lawNote)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            await page.Locator($"input[name='Items[{i}].Score'][value='{scores[i]}']").CheckAsync();
        }
        await page.GetByLabel("Notes on comply with the law (optional)").FillAsync(lawNote);
    }

    private static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }
}
