using System.Net;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Commitments;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Groups;
using static ShapeOpenData.Tests.Commitments.TestCommitments;

namespace ShapeOpenData.Tests.Commitments;

/// <summary>
/// A publisher publishes a plan and a commitment with two milestones, reports progress and meets a milestone; an assessor
/// assesses it; a follower hears of each change; a milestone shows as overdue from the day after its due date.
/// </summary>
public sealed class CommitmentJourneyTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(service.UtcNow());

    [Fact]
    public async Task APromise_IsPublishedTrackedAndAssessed_AndItsFollowerHearsOfEachChange()
    {
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "cabinet-office", twoFactor: true, name: "Pat Publisher");
        var session = service.NewSession();
        await session.SignInAsync(publisher);
        var reference = $"J-{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var slug = $"plan-{Guid.NewGuid():N}"[..16];

        var plan = await session.SubmitAsync(await session.GetAsync("/plans/new"), [("Form.Title", "Open Government National Action Plan 2016-18"),
            ("Form.Slug", slug), ("Form.Summary", "Our **third** plan."), ("Form.Organisation", "cabinet-office"),
            .. Date("Form.StartsOn", new DateOnly(2016, 5, 12)), .. Date("Form.EndsOn", new DateOnly(2027, 12, 31))]);
        Assert.Equal(($"/plans/{slug}", HttpStatusCode.OK), (plan.Url, plan.Status));
        Assert.Equal("The plan has been published. Add its commitments", plan.Flash);

        var commitment = await session.SubmitAsync(await session.GetAsync($"/commitments/new?plan={slug}"), [("Form.Title", "Open data"),
            ("Form.Reference", reference.ToLowerInvariant()), ("Form.Description", "Publish the data people ask for."), ("Form.LeadOrganisation", "cabinet-office"),
            ("Form.SupportingOrganisations", "department-for-transport"),
            .. Date("Form.StartsOn", new DateOnly(2016, 9, 1)), .. Date("Form.EndsOn", new DateOnly(2027, 12, 31))]);
        Assert.Equal($"/commitments/{reference}", commitment.Url);
        Assert.Contains("Department for Transport", commitment.Text, StringComparison.Ordinal);

        var follower = await service.HearingAtOnceAsync(await service.CreatePersonAsync(name: "Fran Follower"));
        var reader = service.NewSession();
        await reader.SignInAsync(follower);
        var followed = await reader.SubmitAsync(await reader.GetAsync($"/commitments/{reference}"), selector: "form#follow");
        Assert.Equal("You are following this commitment. We will tell you when it changes", followed.Flash);

        foreach (var (title, due) in new[] { ("Publish the first release", Today.AddDays(10)), ("Publish the second release", Today.AddDays(60)) })
        {
            var added = await session.SubmitAsync(await session.GetAsync($"/commitments/{reference}/milestones/new"), [("Title", title), .. Date("DueOn", due)]);
            Assert.StartsWith($"/commitments/{reference}", added.Url, StringComparison.Ordinal);
        }
        await service.Mail.WaitForAsync(follower.Email, $"New milestone for commitment {reference}");

        var update = await session.SubmitAsync(await session.GetAsync($"/commitments/{reference}/updates/new"),
            [.. Date("ReportedOn", Today), ("Text", "The register is drafted."), ("Evidence", "https://www.gov.uk/register-draft")]);
        Assert.Equal("Your progress update has been published", update.Flash);
        var told = await service.Mail.WaitForAsync(follower.Email, $"Progress on commitment {reference}");
        Assert.Contains("The register is drafted.", told.TextBody, StringComparison.Ordinal);

        var noEvidence = await session.SubmitAsync(await session.GetAsync($"/commitments/{reference}/milestones/1"),
            [("Title", "Publish the first release"), .. Date("DueOn", Today.AddDays(10)), ("State", "met"), ("Evidence", ""), .. Date("MetOn", Today)]);
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.Status);
        Assert.Equal("Give the evidence that the milestone was met: a link, or what shows it", noEvidence.FieldError("Evidence"));
        var met = await session.SubmitAsync(noEvidence,
            [("Title", "Publish the first release"), .. Date("DueOn", Today.AddDays(10)), ("State", "met"), ("Evidence", "https://data.gov.uk/register"), .. Date("MetOn", Today)]);
        Assert.Equal("Milestone 1 has been updated", met.Flash);
        var metEmail = await service.Mail.WaitForAsync(follower.Email, $"Milestone 1 of commitment {reference}: met");
        Assert.Contains("https://data.gov.uk/register", metEmail.TextBody, StringComparison.Ordinal);

        var assessor = await service.CreatePersonAsync(Roles.Assessor, twoFactor: true, name: "Iris Assessor");
        var irm = service.NewSession();
        await irm.SignInAsync(assessor);
        var form = await irm.GetAsync($"/commitments/{reference}/assessments/new");
        (string, string)[] scales = [("Specificity", "high"), ("Relevance", "access_to_information"), ("Relevance", "civic_participation"),
            ("PotentialImpact", "transformative"), ("Completion", "substantial"), ("Summary", "A marked step forward."), .. Date("AssessedOn", Today)];
        var unsaid = await irm.SubmitAsync(form, [("Kind", "end_of_term"), .. scales]);
        Assert.Equal("Select whether it opened government: an end-of-term assessment says", unsaid.FieldError("OpenedGovernment"));
        var assessed = await irm.SubmitAsync(unsaid, [("Kind", "end_of_term"), ("OpenedGovernment", "major"), .. scales]);
        Assert.Equal("The assessment has been published", assessed.Flash);
        Assert.Contains("Starred", assessed.Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("access to information, civic participation", assessed.Text, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(follower.Email, $"Commitment {reference} has been independently assessed");

        var page = await reader.GetAsync($"/commitments/{reference}");
        Assert.DoesNotContain("Overdue", page.Document.QuerySelector("#milestone-2")!.TextContent, StringComparison.Ordinal);
        service.Clock.Advance(TimeSpan.FromDays(60));
        Assert.DoesNotContain("Overdue", (await reader.GetAsync($"/commitments/{reference}")).Document.QuerySelector("#milestone-2")!.TextContent, StringComparison.Ordinal);
        service.Clock.Advance(TimeSpan.FromDays(1));
        var overdue = await reader.GetAsync($"/commitments/{reference}");
        Assert.Contains("Overdue", overdue.Document.QuerySelector("#milestone-2")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", overdue.Document.QuerySelector("#milestone-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue", overdue.Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);

        var trail = await service.WithDatabaseAsync(async db =>
        {
            var id = await db.Commitments.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync();
            return await db.AuditEntries.Where(a => a.EntityType == ItemTypes.Commitment && a.EntityId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        });
        Assert.Equal(["added", "milestone_added", "milestone_added", "progress_posted", "milestone_changed", "assessed"], trail);
        service.Clock.Advance(-TimeSpan.FromDays(61));
    }

    [Fact]
    public async Task OnlyTheLeadOrganisationAndTheProgrammeTeam_RunACommitment_AndOnlyAssessorsAssess()
    {
        var (plan, publisher) = await service.CreatePlanAsync();
        var commitment = await service.AddCommitmentAsync(plan, publisher);
        var elsewhere = service.NewSession();
        await elsewhere.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));
        var participant = service.NewSession();
        await participant.SignInAsync(await service.CreatePersonAsync());
        var team = service.NewSession();
        await team.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));

        foreach (var path in new[] { "edit", "milestones/new", "updates/new" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"/commitments/{commitment.Reference}/{path}")).Status);
            Assert.Equal(HttpStatusCode.OK, (await team.GetAsync($"/commitments/{commitment.Reference}/{path}")).Status);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync($"/commitments/{commitment.Reference}/assessments/new")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"/commitments/{commitment.Reference}/assessments/new")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"/commitments/new?plan={plan.Slug}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync("/commitments/NO-SUCH-ONE")).Status);
        var anonymous = await service.NewSession().GetAsync($"/commitments/{commitment.Reference}/edit");
        Assert.StartsWith("/account/sign-in", anonymous.Url, StringComparison.Ordinal);

        var taken = await team.SubmitAsync(await team.GetAsync($"/commitments/new?plan={plan.Slug}"), [("Form.Title", "Again"),
            ("Form.Reference", commitment.Reference), ("Form.Description", "Twice."), ("Form.LeadOrganisation", "cabinet-office"),
            .. Date("Form.StartsOn", new DateOnly(2026, 1, 1)), .. Date("Form.EndsOn", new DateOnly(2025, 1, 1))]);
        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Equal("The end date must be the same as or after the start date", taken.FieldError("Form-EndsOn"));
        var again = await team.SubmitAsync(taken, [("Form.Title", "Again"), ("Form.Reference", commitment.Reference), ("Form.Description", "Twice."),
            ("Form.LeadOrganisation", "cabinet-office"), .. Date("Form.StartsOn", new DateOnly(2026, 1, 1)), .. Date("Form.EndsOn", new DateOnly(2026, 6, 1))]);
        Assert.Equal($"There is already a commitment {commitment.Reference}: choose another reference", again.FieldError("Form-Reference"));
        Assert.Equal("Twice.", again.Document.QuerySelector("#Form-Description")?.TextContent.Trim());
    }
}
