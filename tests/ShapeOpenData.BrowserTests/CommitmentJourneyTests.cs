using Microsoft.Playwright;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// A promise in Chromium, with and without JavaScript: a publisher publishes a plan (after an empty form's errors) and a
/// commitment, adds a milestone, reports progress and meets the milestone with its evidence; an assessor assesses it;
/// the publisher links a request that led to it and finds the assessment in their notification centre; anyone reads the lists, the plan, the commitment, the organisation's page and
/// the chain from the request to the milestone met. axe-core checks every page on the way.
/// </summary>
public sealed class CommitmentJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    private static async Task DateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PublishAPlan_TrackACommitment_AndAssessIt(bool javaScript)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (slug, reference) = ($"journey-plan-{suffix}", $"JP-{suffix}".ToUpperInvariant());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var publisher = await Service.CreatePersonAsync(Roles.Publisher, "department-for-education", twoFactor: true, name: "Pat Publisher");

        var page = await SignedInPageAsync(publisher, javaScript);
        await page.GotoAsync("/plans");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish a plan" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish plan" }).ClickToNavigateAsync();
        Assert.Contains("Enter the plan's title", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        await page.GetByLabel("Title").FillAsync($"Education open data plan {suffix}");
        await page.GetByLabel("Short name for web addresses").FillAsync(slug);
        await page.GetByLabel("What is the plan for, and how was it made?").FillAsync("What we will publish this year.");
        await DateAsync(page, "Form-StartsOn", today.AddMonths(-1));
        await DateAsync(page, "Form-EndsOn", today.AddMonths(11));
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish plan" }).ClickToNavigateAsync();
        Assert.EndsWith($"/plans/{slug}", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a commitment" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Title").FillAsync("Publish school attendance weekly");
        await page.GetByLabel("Reference").FillAsync(reference);
        await page.GetByLabel("What will be done, and why?").FillAsync("Weekly attendance by school, as data users asked.");
        await page.GetByLabel("Department for Transport").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add commitment" }).ClickToNavigateAsync();
        Assert.EndsWith($"/commitments/{reference}", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a milestone" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What will be done by then?").FillAsync("Publish the first weekly release");
        await DateAsync(page, "DueOn", today.AddDays(30));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickToNavigateAsync();

        // What led to it: a supported request, linked from the commitment's page.
        var asked = $"Weekly school attendance {suffix}";
        var request = await Service.SubmitRequestAsync(await Service.CreatePersonAsync(), asked, organisation: "department-for-education");
        await page.GetByRole(AriaRole.Link, new() { Name = "Link something that led to this" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish link" }).ClickToNavigateAsync();
        Assert.Contains("Select what kind of thing led to it", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        await page.GetByLabel("Kind of thing").SelectOptionAsync(ItemTypes.Request);
        await page.GetByLabel("Which one led to it").FillAsync($"/requests/{request}");
        await page.GetByLabel("Why did it lead to it?").FillAsync("Schools asked for weekly figures");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish link" }).ClickToNavigateAsync();
        var chain = await page.Locator("section.sod-chain").TextContentAsync();
        Assert.Contains(asked, chain, StringComparison.Ordinal);
        Assert.Contains("Because: Schools asked for weekly figures", chain, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.GotoAsync($"/commitments/{reference}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Remove this link to {asked}" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("No, keep it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickToNavigateAsync();
        await page.GotoAsync($"/commitments/{reference}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Post a progress update" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What has been done?").FillAsync("The pipeline is built.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish update" }).ClickToNavigateAsync();
        Assert.Contains("The pipeline is built.", await page.Locator("#updates ~ .sod-update").First.TextContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Update milestone 1" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Met", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        await page.GetByLabel("Evidence").FillAsync("https://explore-education-statistics.service.gov.uk/attendance");
        await DateAsync(page, "MetOn", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save milestone" }).ClickToNavigateAsync();
        Assert.Contains("Met", await page.Locator("#milestone-1").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        var assessor = await SignedInPageAsync(await Service.CreatePersonAsync(Roles.Assessor, twoFactor: true), javaScript);
        await assessor.GotoAsync($"/commitments/{reference}");
        await assessor.GetByRole(AriaRole.Link, new() { Name = "Record an assessment" }).ClickToNavigateAsync();
        await assessor.AssertAccessibleAsync();
        await assessor.GetByLabel("Mid-term").CheckAsync();
        await assessor.GetByRole(AriaRole.Group, new() { Name = "Specificity" }).GetByLabel("High").CheckAsync();
        await assessor.GetByLabel("Access to information").CheckAsync();
        await assessor.GetByRole(AriaRole.Group, new() { Name = "Potential impact" }).GetByLabel("Transformative").CheckAsync();
        await assessor.GetByRole(AriaRole.Group, new() { Name = "Completion" }).GetByLabel("Substantial").CheckAsync();
        await assessor.GetByLabel("Your reasons").FillAsync("Weekly data, used by schools and researchers.");
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Publish assessment" }).ClickToNavigateAsync();
        Assert.Contains("Starred", await assessor.Locator("#status").TextContentAsync(), StringComparison.Ordinal);
        await assessor.AssertAccessibleAsync();

        // The publisher follows what they published: the assessment is in their notification centre, counted in the header.
        await page.GotoAsync("/notifications");
        Assert.Contains($"Commitment {reference} has been independently assessed", await page.Locator("li.sod-notice").First.TextContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("header a[href='/notifications'] .sod-count")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickToNavigateAsync();
        await Assertions.Expect(page.Locator("header a[href='/notifications'] .sod-count")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        var anyone = await NewPageAsync(javaScript);
        foreach (var address in new[] { "/commitments", $"/commitments?plan={slug}&completion=not_started&overdue=no", $"/plans/{slug}", $"/commitments/{reference}", "/outcomes", "/outcomes?input=request&outcome=milestone", $"/requests/{request}", "/organisations/department-for-education" })
        {
            await anyone.GotoAsync(address);
            await anyone.AssertAccessibleAsync();
        }
        Assert.Contains($"Education open data plan {suffix}", await anyone.Locator("#plans").TextContentAsync(), StringComparison.Ordinal);
        await anyone.GotoAsync($"/outcomes?through=request:{request}");
        Assert.Contains($"Publish the first weekly release — met {today:d MMMM yyyy}", await anyone.Locator("section.sod-chain").TextContentAsync(), StringComparison.Ordinal);
    }
}
