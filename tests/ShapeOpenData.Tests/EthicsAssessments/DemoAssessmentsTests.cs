using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.EthicsAssessments;

namespace ShapeOpenData.Tests.EthicsAssessments;

/// <summary>The demo assessments: one published with two stages, one private in progress, as someone exploring the demo finds them.</summary>
[Collection(DemoContent.Name)]
public sealed class DemoAssessmentsTests(DemoServiceFactory service)
{
    [Fact]
    public async Task TheDemo_HasAPublishedAssessmentWithTwoStages_AndAPrivateOneInProgress()
    {
        var list = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/ethics-assessments");
        var published = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("bus-reliability-predictions", published.GetProperty("slug").GetString());
        Assert.Equal(["start", "development"], published.GetProperty("stagesAssessed").EnumerateArray().Select(s => s.GetString()));

        var page = await service.NewSession().GetAsync("/ethics-assessments/bus-reliability-predictions");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(16, page.Document.QuerySelectorAll("svg.sod-ethics-chart g g rect").Length);
        Assert.Contains("Errors on rural routes measured: 40% higher.", page.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync("/ethics-assessments/housing-repairs-triage")).Status);
        var team = await service.WithDatabaseAsync(db => db.EthicsAssessments.Where(a => a.Slug == "housing-repairs-triage")
            .Select(a => new { a.PublishedAt, Members = a.Team.Count, Stages = db.EthicsStageAssessments.Count(s => s.AssessmentId == a.Id) }).SingleAsync());
        Assert.Equal((null, 2, 1), (team.PublishedAt, team.Members, team.Stages));
        // The demo's people are not real: nothing about the assessments waits in the outbox for them.
        Assert.False(await service.WithDatabaseAsync(db => db.OutboxEmails.AnyAsync(m => m.SentAt == null && m.Subject.Contains("ethics"))));
    }
}
