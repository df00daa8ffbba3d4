using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.EthicsAssessments;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.EthicsAssessments;

/// <summary>Starting an assessment and assessing stages on the pages, as a team member does: forms, errors, the chart and the history.</summary>
[Collection(SharedService.Engagement)]
public sealed class AssessmentPagesTests(ServiceFactory service)
{
    private static IEnumerable<(string, string)> AllScores(int score) =>
        Enumerable.Range(0, 8).Select(i => ($"Items[{i}].Score", score.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task New_EmptyFormShowsErrors_ThenStartsAPrivateAssessmentListedUnderYourTeam()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(name: "Tess Team"));
        var form = await session.GetAsync("/ethics-assessments/new");

        var empty = await session.SubmitAsync(form, ("ProjectName", "Housing repairs triage"), ("Slug", "Not A Slug!"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains(("Enter what the project does and for whom", "Description"), empty.Errors);
        Assert.Contains("The short name can only contain lower-case letters, numbers and hyphens, like school-transport-routing", empty.Errors.Select(e => e.Message));
        Assert.Equal("Housing repairs triage", empty.Document.QuerySelector("#ProjectName")!.GetAttribute("value"));

        var slug = $"repairs-{Guid.NewGuid():N}"[..16];
        var created = await session.SubmitAsync(form, ("ProjectName", "Housing repairs triage"), ("Slug", slug),
            ("Description", "Which *damp* cases to inspect first.<script>alert(1)</script>"), ("Organisation", "department-for-transport"));
        Assert.Equal($"/ethics-assessments/{slug}", created.Url);
        Assert.Equal("The assessment has been started. It is private to your team until you publish it", created.Flash);
        Assert.Equal("Housing repairs triage", created.Heading);
        Assert.Equal("damp", created.Document.QuerySelector("#description em")!.TextContent);
        Assert.Null(created.Document.QuerySelector("#description script"));
        Assert.Contains("Private", created.Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Department for Transport", created.Text, StringComparison.Ordinal);

        var index = await session.GetAsync("/ethics-assessments");
        Assert.Contains(index.Document.QuerySelectorAll("#mine + ul a"), a => a.GetAttribute("href") == $"/ethics-assessments/{slug}");
        var anyone = await service.NewSession().GetAsync("/ethics-assessments");
        Assert.DoesNotContain(slug, anyone.Body, StringComparison.Ordinal);

        var again = await session.SubmitAsync(form, ("ProjectName", "Another"), ("Slug", slug), ("Description", "Another project."));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains(("An assessment already uses that short name. Choose another", "Slug"), again.Errors);
    }

    [Fact]
    public async Task Stage_MissingScoresAndStage_ShowErrorsAndKeepWhatWasTyped()
    {
        var member = await service.CreatePersonAsync();
        var assessment = await service.StartAssessmentAsync(member);
        var session = service.NewSession();
        await session.SignInAsync(member);
        var form = await session.GetAsync($"/ethics-assessments/{assessment.Slug}/stages/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var wrong = await session.SubmitAsync(form, [new("Items[0].Score", "4"), new("Items[0].Notes", "We publish a model card."), new("Items[1].Score", "6"),
            new("AssessedOn.Day", "31"), new("AssessedOn.Month", "2"), new("AssessedOn.Year", "2026")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("Select the stage the project is at", wrong.Errors[0].Message);
        Assert.Contains(("The date of the assessment must be a real date", "AssessedOn"), wrong.Errors);
        Assert.Contains(("Select a score from 0 to 5 for accountability", "Items-1-Score"), wrong.Errors);
        Assert.Contains(("Select a score from 0 to 5 for fairness", "Items-2-Score"), wrong.Errors);
        Assert.Equal(9, wrong.Errors.Count);  // the stage, the date, and 7 of the 8 scores: the first was given
        Assert.Equal("4", wrong.Document.QuerySelector("input[name='Items[0].Score']:checked")!.GetAttribute("value"));
        Assert.Equal("We publish a model card.", wrong.Document.QuerySelector("textarea[name='Items[0].Notes']")!.TextContent.Trim());
        Assert.False(await service.WithDatabaseAsync(db => db.EthicsStageAssessments.AnyAsync(s => s.AssessmentId == assessment.Id)));

        var future = await session.SubmitAsync(form, [.. AllScores(2).Select(s => new KeyValuePair<string, string>(s.Item1, s.Item2)),
            new("Stage", "start"), new("AssessedOn.Day", "1"), new("AssessedOn.Month", "1"), new("AssessedOn.Year", "2099")]);
        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.Contains("The date of the assessment must be today or in the past", future.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task TwoStagesAndAReassessment_HistoryKeepsEveryOne_ChartAndTableShowTheLatestOfEachStage()
    {
        var member = await service.CreatePersonAsync(name: "Ravi Recorder");
        var assessment = await service.StartAssessmentAsync(member);
        var session = service.NewSession();
        await session.SignInAsync(member);

        async Task<WebPage> AssessAsync(string stage, int score, string day)
        {
            var form = await session.GetAsync($"/ethics-assessments/{assessment.Slug}/stages/new");
            return await session.SubmitAsync(form, [.. AllScores(score).Select(s => new KeyValuePair<string, string>(s.Item1, s.Item2)),
                new("Stage", stage), new("AssessedOn.Day", day), new("AssessedOn.Month", "3"), new("AssessedOn.Year", "2026"), new("Items[7].Notes", $"Said at {stage} {score}")]);
        }

        var first = await AssessAsync("start", 1, "2");
        Assert.Equal($"/ethics-assessments/{assessment.Slug}", first.Url);
        Assert.Equal("The start stage has been assessed. We have emailed the rest of the team", first.Flash);
        await AssessAsync("development", 4, "20");
        var page = await AssessAsync("start", 2, "3");

        var chart = page.Document.QuerySelector("svg.sod-ethics-chart[role=img]")!;
        Assert.Equal("Latest scores at each stage, for each principle and action", chart.QuerySelector("title")!.TextContent);
        Assert.Contains("Start stage (3 March 2026): Transparency 2", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Development stage (20 March 2026): Transparency 4", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Start", "Development"], chart.QuerySelectorAll("g > rect + text[font-size='14']").Select(t => t.TextContent));
        Assert.Equal(16, chart.QuerySelectorAll("g g rect").Length);
        Assert.Null(page.Document.QuerySelector("svg script"));

        var table = page.Document.QuerySelector("#scores-table")!;
        Assert.Equal(["Principle or action", "Start (3 Mar 2026)", "Development (20 Mar 2026)"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = table.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(["Fairness", "2", "4"], rows[2]);
        Assert.Equal(["Evaluate and consider wider policy implications", "2", "4"], rows[7]);

        var history = page.Document.QuerySelectorAll(".sod-stage-record h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal([
            "Start stage, assessed on 3 March 2026 by Ravi Recorder",
            "Development stage, assessed on 20 March 2026 by Ravi Recorder",
            "Start stage, assessed on 2 March 2026 by Ravi Recorder"], history);
        Assert.Contains("Said at start 1", page.Text, StringComparison.Ordinal);
        var trail = await service.AuditTrailAsync(EthicsAssessmentsModule.ItemType, assessment.Id);
        Assert.Equal(["started", "stage_assessed", "stage_assessed", "stage_assessed"], trail.Select(e => e.Action));
    }

    [Fact]
    public async Task AScoreOutOfRange_IsRefusedByTheRuleAndTheDatabase()
    {
        var member = await service.CreatePersonAsync(withPassword: false);
        var assessment = await service.StartAssessmentAsync(member);

        var refused = await Assert.ThrowsAsync<FieldRuleException>(() => service.AssessAsync(assessment, member, ProjectStage.Live, score: 6));
        Assert.Equal("Each score must be from 0 to 5", refused.Message);
        await Assert.ThrowsAsync<FieldRuleException>(() => service.AssessAsync(assessment, member, ProjectStage.Live, score: -1));
        var stage = await service.AssessAsync(assessment, member, ProjectStage.Live, score: 5);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => service.WithDatabaseAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"EthicsItemScores\" SET \"Score\" = 9 WHERE \"StageAssessmentId\" = {0}", stage.Id)));
    }
}
