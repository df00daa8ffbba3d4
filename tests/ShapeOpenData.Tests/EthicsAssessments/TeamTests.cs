using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.EthicsAssessments;

namespace ShapeOpenData.Tests.EthicsAssessments;

/// <summary>The team manages itself on its page: adding people with accounts, removing them, never losing its last member.</summary>
[Collection(SharedService.Engagement)]
public sealed class TeamTests(ServiceFactory service)
{
    [Fact]
    public async Task AMemberAddsSomeoneByEmail_WhoIsToldAndCanThenAssess_AnUnknownAddressIsRefused()
    {
        var starter = await service.CreatePersonAsync(name: "Sara Starter");
        var added = await service.CreatePersonAsync(name: "Ade Added");
        var assessment = await service.StartAssessmentAsync(starter, "Flood warning targeting");
        var session = service.NewSession();
        await session.SignInAsync(starter);
        var page = await session.GetAsync($"/ethics-assessments/{assessment.Slug}/team");

        var unknown = await session.SubmitAsync(page, [new("Email", "nobody-here@example.com")], "form[action*=Add]");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains(("There is no account with that email address. Ask them to create an account first", "Email"), unknown.Errors);
        Assert.Equal("nobody-here@example.com", unknown.Document.QuerySelector("#Email")!.GetAttribute("value"));
        var badFormat = await session.SubmitAsync(page, [new("Email", "not an address")], "form[action*=Add]");
        Assert.Contains("Enter an email address in the correct format, like name@example.com", badFormat.Errors.Select(e => e.Message));

        var done = await session.SubmitAsync(page, [new("Email", added.Email.ToUpperInvariant())], "form[action*=Add]");
        Assert.Equal($"{added.Email.ToUpperInvariant()} has been added to the team and told by email", done.Flash);
        Assert.Equal(["Sara Starter (you)", "Ade Added"], done.Document.QuerySelectorAll("#team tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        var told = await service.Mail.WaitForAsync(added.Email, "You have been added to the team assessing Flood warning targeting");
        Assert.Contains("Sara Starter has added you", told.TextBody, StringComparison.Ordinal);

        var twice = await session.SubmitAsync(page, [new("Email", added.Email)], "form[action*=Add]");
        Assert.Contains(("That person is already in the team", "Email"), twice.Errors);

        var theirs = service.NewSession();
        await theirs.SignInAsync(added);
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync($"/ethics-assessments/{assessment.Slug}/stages/new")).Status);
    }

    [Fact]
    public async Task AMemberRemovesAnother_WhoLosesSightOfIt_AndTheLastMemberCannotLeave()
    {
        var starter = await service.CreatePersonAsync(name: "Lou Last");
        var other = await service.CreatePersonAsync(name: "Otto Other");
        var assessment = await service.StartAssessmentAsync(starter);
        await service.AssessmentsAsync(starter, (w, actor) => w.AddMemberAsync(assessment.Slug, other.Email, actor));
        var session = service.NewSession();
        await session.SignInAsync(starter);
        var page = await session.GetAsync($"/ethics-assessments/{assessment.Slug}/team");

        var removed = await session.SubmitAsync(page, selector: $"form[action*='user={other.Id}']");
        Assert.Equal("They have been removed from the team", removed.Flash);
        Assert.Equal(["Lou Last (you)"], removed.Document.QuerySelectorAll("#team tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Null(removed.Document.QuerySelector("#team form"));
        Assert.NotNull(removed.Document.QuerySelector("#last-member"));

        var theirs = service.NewSession();
        await theirs.SignInAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/ethics-assessments/{assessment.Slug}")).Status);

        // The page offers no button, but a post made anyway is refused by the rule.
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var refused = await WebPage.FromAsync(await session.Http.PostAsync($"/ethics-assessments/{assessment.Slug}/team?handler=Remove&user={starter.Id}", form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(("The team must keep at least one member. Add someone else before removing this person", "team"), refused.Errors);
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.EthicsTeamMembers.CountAsync(m => m.AssessmentId == assessment.Id)));
        var trail = await service.AuditTrailAsync(EthicsAssessmentsModule.ItemType, assessment.Id);
        Assert.Equal(["started", "member_added", "member_removed"], trail.Select(e => e.Action));
    }

    [Fact]
    public async Task AStageAssessed_EmailsTheRestOfTheTeam_ButNotWhoAssessedNorAnyoneRemoved()
    {
        var assessor = await service.CreatePersonAsync(name: "Ash Assessor");
        var colleague = await service.CreatePersonAsync();
        var removed = await service.CreatePersonAsync();
        var assessment = await service.StartAssessmentAsync(assessor, "Pothole reports triage");
        await service.AssessmentsAsync(assessor, (w, actor) => w.AddMemberAsync(assessment.Slug, colleague.Email, actor));
        await service.AssessmentsAsync(assessor, (w, actor) => w.AddMemberAsync(assessment.Slug, removed.Email, actor));
        await service.AssessmentsAsync(assessor, (w, actor) => w.RemoveMemberAsync(assessment.Slug, removed.Id, actor));

        await service.AssessAsync(assessment, assessor, ProjectStage.Development, score: 4, on: new DateOnly(2026, 2, 10));

        var told = await service.Mail.WaitForAsync(colleague.Email, "Pothole reports triage: development stage assessed");
        Assert.Contains("Ash Assessor has assessed Pothole reports triage at the development stage (10 February 2026)", told.TextBody, StringComparison.Ordinal);
        Assert.Contains("Average score: 4.0 out of 5", told.TextBody, StringComparison.Ordinal);
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(assessor.Email), m => (m.Subject ?? "").Contains("stage assessed", StringComparison.Ordinal));
        Assert.DoesNotContain(service.Mail.To(removed.Email), m => (m.Subject ?? "").Contains("stage assessed", StringComparison.Ordinal));
    }
}
