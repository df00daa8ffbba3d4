using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.EthicsAssessments;

/// <summary>The list of published assessments a page at a time, and the team's last member kept when two leave at once.</summary>
[Collection(SharedService.Engagement)]
public sealed class ListAndConcurrencyTests(ServiceFactory service)
{
    [Fact]
    public async Task ThePublishedList_ShowsTwentyAPage_NewestFirst_WithoutPrivateOnes()
    {
        var member = await service.CreatePersonAsync(withPassword: false);
        var names = new List<string>();
        for (var i = 1; i <= 21; i++)
        {
            var assessment = await service.StartAssessmentAsync(member, $"Listed project {i:00}");
            await service.AssessmentsAsync(member, (w, actor) => w.PublishAsync(assessment.Slug, actor));
            names.Add(assessment.ProjectName);
        }
        await service.StartAssessmentAsync(member, "Unlisted private project");
        var anyone = service.NewSession();

        var first = await anyone.GetAsync("/ethics-assessments");
        var shown = first.Document.QuerySelectorAll("#published + ul h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(20, shown.Count);
        Assert.Equal("Listed project 21", shown[0]);
        Assert.NotNull(first.Document.QuerySelector("nav[aria-label='Published assessments'] a[href='?page=2']"));
        var second = await anyone.GetAsync("/ethics-assessments?page=2");
        Assert.Equal(["Listed project 01"], second.Document.QuerySelectorAll("#published + ul h3").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain("Unlisted private project", first.Body + second.Body, StringComparison.Ordinal);
        var past = await anyone.GetAsync("/ethics-assessments?page=3");
        Assert.Empty(past.Document.QuerySelectorAll("#published + ul h3"));
        var wrong = await anyone.GetAsync("/ethics-assessments?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("Enter a page number from 1 to 10,000", wrong.Errors.Single().Message);
    }

    [Fact]
    public async Task TwoMembersRemovingEachOtherAtOnce_LeaveOneMember()
    {
        var first = await service.CreatePersonAsync(withPassword: false);
        var second = await service.CreatePersonAsync(withPassword: false);
        var assessment = await service.StartAssessmentAsync(first);
        await service.AssessmentsAsync(first, (w, actor) => w.AddMemberAsync(assessment.Slug, second.Email, actor));

        var outcomes = await Task.WhenAll(
            Outcome(service.AssessmentsAsync(first, (w, actor) => w.RemoveMemberAsync(assessment.Slug, second.Id, actor))),
            Outcome(service.AssessmentsAsync(second, (w, actor) => w.RemoveMemberAsync(assessment.Slug, first.Id, actor))));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is RuleException or ForbiddenException or NotFoundException);
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.EthicsTeamMembers.CountAsync(m => m.AssessmentId == assessment.Id)));
    }

    /// <summary>Null when the change was made, or what refused it.</summary>
    private static async Task<Exception?> Outcome(Task change)
    {
        try
        {
            await change;
            return null;
        }
        catch (Exception refused) when (refused is RuleException or ForbiddenException or NotFoundException)
        {
            return refused;
        }
    }
}
