using System.Net.Http.Json;
using ShapeOpenData.Modules.EthicsAssessments;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.EthicsAssessments;

/// <summary>
/// A private assessment is the team's: everyone else gets 404 on its pages, exports and the API, as if it did not exist;
/// the programme team and administrators may read it but not change it. Once published, everyone reads it.
/// </summary>
[Collection(SharedService.Engagement)]
public sealed class PrivacyTests(ServiceFactory service)
{
    private static string[] ReadRoutes(string slug) =>
        [$"/ethics-assessments/{slug}", $"/ethics-assessments/{slug}.md", $"/ethics-assessments/{slug}.json"];

    private static string[] TeamRoutes(string slug) =>
        [$"/ethics-assessments/{slug}/team", $"/ethics-assessments/{slug}/stages/new"];

    private static async Task<HttpStatusCode> PostAsync(WebSession session, string path, params (string, string)[] fields)
    {
        var token = (await session.GetAsync("/ethics-assessments/new")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
        return (await session.Http.PostAsync(path, form)).StatusCode;
    }

    [Fact]
    public async Task APrivateAssessment_IsNotFoundForAnyoneOutsideTheTeam_OnEveryRoute()
    {
        var member = await service.CreatePersonAsync();
        var assessment = await service.StartAssessmentAsync(member);
        await service.AssessAsync(assessment, member, ProjectStage.Start);
        var slug = assessment.Slug;
        var outsider = service.NewSession();
        await outsider.SignInAsync(await service.CreatePersonAsync());
        var moderator = service.NewSession();
        await moderator.SignInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        var anonymous = service.NewSession(followRedirects: false);

        foreach (var session in new[] { outsider, moderator })
        {
            foreach (var path in ReadRoutes(slug).Concat(TeamRoutes(slug)))
            {
                Assert.True((await session.GetAsync(path)).Status == HttpStatusCode.NotFound, path);
            }
            Assert.Equal(HttpStatusCode.NotFound, await PostAsync(session, $"/ethics-assessments/{slug}?handler=Publish"));
            Assert.Equal(HttpStatusCode.NotFound, await PostAsync(session, $"/ethics-assessments/{slug}/team?handler=Add", ("Email", "someone@example.com")));
            Assert.Equal(HttpStatusCode.NotFound, await PostAsync(session, $"/ethics-assessments/{slug}/stages/new", ("Stage", "start")));
        }
        foreach (var path in ReadRoutes(slug))
        {
            Assert.True((await anonymous.GetAsync(path)).Status == HttpStatusCode.NotFound, path);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await service.CreateClient().GetAsync($"/api/v1/ethics-assessments/{slug}")).StatusCode);
        var asMember = await service.ApiClientAsync(member);
        Assert.Equal(HttpStatusCode.NotFound, (await asMember.GetAsync($"/api/v1/ethics-assessments/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await asMember.GetStringAsync("/api/v1/ethics-assessments?pageSize=100"), StringComparison.Ordinal);

        var team = service.NewSession();
        await team.SignInAsync(member);
        foreach (var path in ReadRoutes(slug).Concat(TeamRoutes(slug)))
        {
            Assert.True((await team.GetAsync(path)).Status == HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task TheProgrammeTeamAndAdministrators_ReadAPrivateAssessment_ButCannotChangeIt()
    {
        var member = await service.CreatePersonAsync();
        var assessment = await service.StartAssessmentAsync(member, "Benefit take-up model");
        foreach (var role in new[] { Roles.ProgrammeTeam, Roles.Administrator })
        {
            var staff = service.NewSession();
            await staff.SignInAsync(await service.CreatePersonAsync(role, twoFactor: true));
            foreach (var path in ReadRoutes(assessment.Slug))
            {
                Assert.True((await staff.GetAsync(path)).Status == HttpStatusCode.OK, path);
            }
            var page = await staff.GetAsync($"/ethics-assessments/{assessment.Slug}");
            Assert.Null(page.Document.QuerySelector("#team-actions"));
            Assert.Null(page.Document.QuerySelector("form[action*=Publish]"));
            foreach (var path in TeamRoutes(assessment.Slug))
            {
                Assert.True((await staff.GetAsync(path)).Status == HttpStatusCode.Forbidden, path);
            }
            Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(staff, $"/ethics-assessments/{assessment.Slug}?handler=Publish"));
        }
        Assert.Null(await service.WithDatabaseAsync(db => Task.FromResult(db.EthicsAssessments.Single(a => a.Id == assessment.Id).PublishedAt)));
    }

    [Fact]
    public async Task PublishingIsAuditedAndTellsTheTeam_EveryoneThenReadsIt_AndOnlyTheTeamCanUnpublish()
    {
        var starter = await service.CreatePersonAsync(name: "Pia Publisher");
        var colleague = await service.CreatePersonAsync(name: "Cole Colleague");
        var assessment = await service.StartAssessmentAsync(starter, "School transport routing");
        await service.AssessmentsAsync(starter, (w, actor) => w.AddMemberAsync(assessment.Slug, colleague.Email, actor));
        var session = service.NewSession();
        await session.SignInAsync(starter);

        var published = await session.SubmitAsync(await session.GetAsync($"/ethics-assessments/{assessment.Slug}"), selector: "form[action*=Publish]");
        Assert.Equal("The assessment has been published. Anyone can now read and download it", published.Flash);
        Assert.Contains("Published", published.Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        var told = await service.Mail.WaitForAsync(colleague.Email, "School transport routing: ethics assessment published");
        Assert.Contains("Pia Publisher has published", told.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/ethics-assessments/{assessment.Slug}", told.TextBody, StringComparison.Ordinal);

        var anyone = service.NewSession();
        foreach (var path in ReadRoutes(assessment.Slug))
        {
            Assert.True((await anyone.GetAsync(path)).Status == HttpStatusCode.OK, path);
        }
        Assert.Contains(assessment.Slug, (await anyone.GetAsync("/ethics-assessments")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await service.CreateClient().GetAsync($"/api/v1/ethics-assessments/{assessment.Slug}")).StatusCode);
        var outsider = service.NewSession();
        await outsider.SignInAsync(await service.CreatePersonAsync());
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(outsider, $"/ethics-assessments/{assessment.Slug}?handler=Unpublish"));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/ethics-assessments/{assessment.Slug}/team")).Status);

        var again = await session.SubmitAsync(await session.GetAsync($"/ethics-assessments/{assessment.Slug}"), selector: "form[action*=Unpublish]");
        Assert.Equal("The assessment has been unpublished. Only your team can see it now", again.Flash);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/ethics-assessments/{assessment.Slug}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await service.CreateClient().GetAsync($"/api/v1/ethics-assessments/{assessment.Slug}")).StatusCode);

        var trail = await service.AuditTrailAsync(EthicsAssessmentsModule.ItemType, assessment.Id);
        Assert.Equal(["started", "member_added", "published", "unpublished"], trail.Select(e => e.Action));
        Assert.All(trail.Skip(2), e => Assert.Equal(starter.Id, e.ActorId));
        Assert.Contains("publishedAt", trail[2].After!, StringComparison.Ordinal);
    }
}
