namespace ShapeOpenData.Tests.Consultations;

/// <summary>The demo consultations, as a visitor exploring the demo finds them: no one signed in, straight after <c>seed-demo</c>.</summary>
[Collection(DemoContent.Name)]
public sealed class DemoConsultationsTests(DemoServiceFactory service)
{
    private const string Ethics = "/consultations/data-ethics-framework";
    private const string Dates = "/consultations/dates-and-times-in-open-data";

    [Fact]
    public async Task TheIndex_ListsTheEthicsFrameworkAsOpen_AndTheDatesGuidanceWithItsOutcome()
    {
        var index = await service.NewSession().GetAsync("/consultations");

        Assert.Contains("A draft data ethics framework", index.Document.QuerySelector("#open + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Publishing dates and times in open data", index.Document.QuerySelector("#outcome + ul")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEthicsFramework_IsOpen_WithItsSectionsAndHundredsTakingPart()
    {
        var page = await service.NewSession().GetAsync(Ethics);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Open", page.Document.QuerySelector("main .govuk-tag")!.TextContent);
        Assert.Equal(
            ["1. About this framework", "2. Principle 1: Transparency", "3. Principle 2: Accountability", "4. Principle 3: Fairness", "5. Putting the principles into practice"],
            page.Document.QuerySelectorAll("#document ~ section h3").Select(h => h.TextContent.Trim()));
        var takingPart = page.Document.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.TextContent.Contains("Taking part", StringComparison.Ordinal));
        var people = int.Parse(takingPart.QuerySelector("dd")!.TextContent.Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(people, 300, 400);
        Assert.Contains("12 survey responses", takingPart.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFairnessSection_HasAComment_QuotingAPassageOfIt()
    {
        var section = await service.NewSession().GetAsync($"{Ethics}/versions/1/sections/4");

        Assert.Equal("Principle 3: Fairness", section.Heading);
        var quoting = Assert.Single(section.Document.QuerySelectorAll(".sod-comment"), c => c.QuerySelector("blockquote") is not null);
        var quote = quoting.QuerySelector("blockquote")!.TextContent.Trim();
        Assert.StartsWith("Where a team cannot test whether an algorithm treats groups of people differently", quote, StringComparison.Ordinal);
        Assert.Contains(quote, section.Document.QuerySelector("main .sod-markdown")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGroupsPage_ShowsClearGroups_EachWithItsOwnStatements_AndCommonGround()
    {
        var page = await service.NewSession().GetAsync($"{Ethics}/groups");

        var groups = page.Document.QuerySelectorAll("#group-sizes tbody tr");
        Assert.InRange(groups.Length, 2, 3);
        Assert.All(groups, g => Assert.True(int.Parse(g.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 50, g.TextContent));
        var apart = page.Document.QuerySelectorAll(".sod-group-statements");
        Assert.Equal(groups.Length, apart.Length);
        Assert.All(apart, table => Assert.NotEmpty(table.QuerySelectorAll("tbody tr")));
        // Each group is set apart by different statements: the groups are about what people think.
        var firsts = apart.Select(table => table.QuerySelector("tbody tr td")!.TextContent).ToList();
        Assert.Equal(firsts.Count, firsts.Distinct().Count());
        var commonGround = page.Document.QuerySelector("#consensus tbody")!.TextContent;
        Assert.Contains("People should be told when data about them was used to make a decision about them.", commonGround, StringComparison.Ordinal);
        Assert.Contains("Data ethics is a matter for data scientists only, not for policy teams. (every group disagrees)", commonGround, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSurveyPage_ShowsFigures_AndOnlyTheWordsPeopleAgreedToPublish()
    {
        var page = await service.NewSession().GetAsync($"{Ethics}/survey");

        Assert.Contains("12 people have answered.", page.Text, StringComparison.Ordinal);
        var who = page.Document.QuerySelector("#question-2")!.ParentElement!;
        Assert.Equal(["The project team itself 2", "The organisation's data ethics lead 3", "An independent panel 4", "It depends on how risky the project is 3"],
            who.QuerySelectorAll("tbody tr").Select(r => $"{r.QuerySelector("th")!.TextContent} {r.QuerySelector("td")!.TextContent}"));
        var written = page.Document.QuerySelector("#question-1")!.ParentElement!.QuerySelectorAll("figure").Select(f => f.TextContent).ToList();
        Assert.Contains(written, w => w.Contains("A fast track for low-risk projects", StringComparison.Ordinal) && w.Contains("Sam from a transport start-up", StringComparison.Ordinal));
        Assert.Contains(written, w => w.Contains("How people who are not online", StringComparison.Ordinal) && w.Contains("A respondent", StringComparison.Ordinal));
        // The journalist asked for their answers not to be published.
        Assert.DoesNotContain("what happens when a department ignores it", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDatesGuidance_HasItsOutcome_WithChangesLinkedToItsSecondVersion()
    {
        var session = service.NewSession();
        var outcome = await session.GetAsync($"{Dates}/outcome");

        Assert.Equal("We asked, you said, we did", outcome.Heading);
        Assert.Contains("2 groups of people who voted alike", outcome.Document.QuerySelector("#figures")!.TextContent, StringComparison.Ordinal);
        var changes = outcome.Document.QuerySelectorAll("#changes > li");
        Assert.Equal(5, changes.Length);
        Assert.Equal(4, changes.Count(c => c.QuerySelector($"a[href='{Dates}/versions/2']") is not null));
        var compare = await session.GetAsync(changes[1].QuerySelector("a[href*='compare']")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, compare.Status);
        Assert.Contains("offset from UTC", compare.Text, StringComparison.Ordinal);
        Assert.Contains("Outcome published", (await session.GetAsync(Dates)).Document.QuerySelector("main .govuk-tag")!.TextContent, StringComparison.Ordinal);
    }
}
