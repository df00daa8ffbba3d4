using System.Net;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Commitments;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;
using ShapeOpenData.Tests.Commitments;

namespace ShapeOpenData.Tests.Outcomes;

/// <summary>
/// Linking what people asked to what came of it: a publisher links supported requests to a commitment, its followers
/// hear of it, and the chains lead from the requests through the commitment to the milestone met; who may link what.
/// </summary>
[Collection(SharedService.Publishing)]
public sealed class OutcomeLinkTests(ServiceFactory service)
{
    private DateOnly Today => DateOnly.FromDateTime(service.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    [Fact]
    public async Task APublisher_LinksThreeSupportedRequests_AndTheChainsLeadFromThemToTheMilestoneMet()
    {
        var (plan, publisher) = await service.CreatePlanAsync();
        var commitment = await service.AddCommitmentAsync(plan, publisher, title: "Publish live bus data");
        await service.CommitmentsAsync(publisher, async (c, actor) =>
        {
            await c.AddMilestoneAsync(commitment.Reference, "Publish live locations", Today.AddDays(10), actor);
            await c.AddMilestoneAsync(commitment.Reference, "Publish live fares", Today.AddDays(60), actor);
        });
        var follower = await service.HearingAtOnceAsync(await service.CreatePersonAsync(name: "Fran Follower"));
        var reader = service.NewSession();
        await reader.SignInAsync(follower);
        await reader.SubmitAsync(await reader.GetAsync($"/commitments/{commitment.Reference}"), selector: "form#follow");
        var requests = new List<(int Id, string Title)>();
        foreach (var n in Enumerable.Range(1, 3))
        {
            var title = $"Live bus data {n} {Guid.NewGuid():N}"[..30];
            var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), title);
            foreach (var _ in Enumerable.Range(0, n))
            {
                var supporter = await service.PrincipalAsync(await service.CreatePersonAsync(withPassword: false));
                await service.WithServicesAsync(s => s.GetRequiredService<Supporting>().SupportAsync(ItemTypes.Request, id, supporter, null));
            }
            requests.Add((id, title));
        }

        var session = service.NewSession();
        await session.SignInAsync(publisher);
        var commitmentPage = await session.GetAsync($"/commitments/{commitment.Reference}");
        var form = await session.GetAsync(commitmentPage.Document.QuerySelector("a#link-from")!.GetAttribute("href")!);
        Assert.Equal(commitment.Reference, form.Document.QuerySelector("input#OutcomeReference")!.GetAttribute("value"));
        // Named as people name them: by number, by address, by title.
        string[] named = [requests[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"https://example.test/requests/{requests[1].Id}", requests[2].Title];
        var linked = await session.SubmitAsync(form, ("InputType", ItemTypes.Request), ("InputReference", named[1]), ("OutcomeType", ItemTypes.Commitment),
            ("OutcomeReference", commitment.Reference), ("Reason", "Bus users asked for live data"));
        Assert.Equal($"/outcomes?through=commitment:{commitment.Id}", linked.Url);
        Assert.Equal("The link has been published: it shows on both items' pages and in the chains of outcomes", linked.Flash);
        foreach (var reference in new[] { named[0], named[2] })
        {
            var again = await session.SubmitAsync(await session.GetAsync($"/outcomes/links/new?outcomeType=commitment&outcomeReference={commitment.Reference}"),
                ("InputType", ItemTypes.Request), ("InputReference", reference), ("OutcomeType", ItemTypes.Commitment), ("OutcomeReference", commitment.Reference),
                ("Reason", "Bus users asked for live data"));
            Assert.Equal(HttpStatusCode.OK, again.Status);
        }
        var told = await service.Mail.WaitForAsync(follower.Email, $"Dataset request {requests[0].Id} led to Commitment {commitment.Reference}");
        Assert.Contains("Why: Bus users asked for live data", told.TextBody, StringComparison.Ordinal);

        await service.CommitmentsAsync(publisher, (c, actor) => c.ChangeMilestoneAsync(commitment.Reference, 1,
            new MilestoneChange("Publish live locations", Today.AddDays(10), MilestoneState.Met, "https://data.example.test/live", Today), actor));

        var anyone = service.NewSession();
        var chains = await anyone.GetAsync($"/outcomes?through=commitment:{commitment.Id}");
        Assert.Equal("3 chains", chains.Document.QuerySelector("#chain-count")!.TextContent.Trim());
        foreach (var ((id, title), n) in requests.Select((r, n) => (r, n)))
        {
            var chain = chains.Document.QuerySelectorAll("section.sod-chain").Single(s => s.QuerySelector("h2")!.TextContent.Contains($"dataset request {id}", StringComparison.Ordinal));
            var text = chain.TextContent.Squeezed();
            Assert.Contains($"{title} — {n + 1} {(n == 0 ? "person needs" : "people need")} this", text, StringComparison.Ordinal);
            Assert.Contains("Because: Bus users asked for live data", text, StringComparison.Ordinal);
            Assert.Contains($"Publish live locations — met {Today:d MMMM yyyy}", text, StringComparison.Ordinal);
            Assert.Contains("Publish live fares", text, StringComparison.Ordinal);
        }

        var led = (await anyone.GetAsync($"/commitments/{commitment.Reference}")).Document.QuerySelector("#outcomes")!.ParentElement!.TextContent.Squeezed();
        Assert.Contains("What led to this commitment", led, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Contains(r.Title, led, StringComparison.Ordinal));
        var requestPage = await anyone.GetAsync($"/requests/{requests[0].Id}");
        Assert.Contains("Publish live bus data", requestPage.Document.QuerySelector("#led-to + ul")!.TextContent, StringComparison.Ordinal);

        var trail = await service.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "outcome_link" && a.Action == "linked"
            && db.OutcomeLinks.Any(l => l.Id == a.EntityId && l.OutcomeType == ItemTypes.Commitment && l.OutcomeId == commitment.Id)));
        Assert.Equal(3, trail);
    }

    [Fact]
    public async Task OnlyTheProgrammeTeamAndTheOutcomesOwner_Link_AndWhatCannotBeLinkedIsSaidOnItsField()
    {
        var (plan, publisher) = await service.CreatePlanAsync();
        var commitment = await service.AddCommitmentAsync(plan, publisher);
        var request = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var confidential = await service.SubmitRequestAsync(await service.CreatePersonAsync(), confidential: true);
        (string, string)[] Link(string input, string reason = "Asked for it") =>
            [("InputType", ItemTypes.Request), ("InputReference", input), ("OutcomeType", ItemTypes.Commitment), ("OutcomeReference", commitment.Reference), ("Reason", reason)];
        var form = $"/outcomes/links/new?outcomeType=commitment&outcomeReference={commitment.Reference}";

        Assert.Equal(HttpStatusCode.Redirect, (await service.NewSession(followRedirects: false).GetAsync(form)).Status);
        var participant = service.NewSession();
        await participant.SignInAsync(await service.CreatePersonAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync(form)).Status);

        var elsewhere = service.NewSession();
        await elsewhere.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));
        var refused = await elsewhere.SubmitAsync(await elsewhere.GetAsync(form), Link($"{request}"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("You can only link to a commitment your organisation looks after", refused.FieldError("OutcomeReference"));

        var owner = service.NewSession();
        await owner.SignInAsync(publisher);
        var page = await owner.GetAsync(form);
        Assert.Equal("Enter why this led to it, in one line", (await owner.SubmitAsync(page, Link($"{request}", ""))).FieldError("Reason"));
        Assert.Equal("The reason must be 200 characters or fewer", (await owner.SubmitAsync(page, Link($"{request}", new string('x', 201)))).FieldError("Reason"));
        Assert.Equal($"There is no public dataset request '{confidential}': check its reference or address", (await owner.SubmitAsync(page, Link($"{confidential}"))).FieldError("InputReference"));
        Assert.Equal("Select what kind of outcome it led to",
            (await owner.SubmitAsync(page, ("InputType", ItemTypes.Request), ("InputReference", $"{request}"), ("OutcomeType", "organisation"), ("Reason", "x"))).FieldError("OutcomeType"));
        Assert.Equal(HttpStatusCode.OK, (await owner.SubmitAsync(page, Link($"{request}"))).Status);
        Assert.Equal($"Dataset request {request} is already linked to Commitment {commitment.Reference}", (await owner.SubmitAsync(page, Link($"{request}"))).FieldError("InputReference"));

        var team = service.NewSession();
        await team.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var other = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        Assert.Equal(HttpStatusCode.OK, (await team.SubmitAsync(await team.GetAsync(form), Link($"{other}", "The programme team saw the need"))).Status);

        // Removing: not for another organisation's publisher; the owner may, and the chain goes, the audit log keeps it.
        var id = await service.WithDatabaseAsync(db => db.OutcomeLinks.Where(l => l.InputId == request && l.InputType == ItemTypes.Request).Select(l => l.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"/outcomes/links/{id}/remove")).Status);
        var confirm = await owner.GetAsync($"/outcomes/links/{id}/remove");
        Assert.Equal("Select yes to remove the link, or no to keep it", (await owner.SubmitAsync(confirm)).FieldError("Confirm"));
        var removed = await owner.SubmitAsync(confirm, ("Confirm", "yes"));
        Assert.Equal("The link has been removed", removed.Flash);
        Assert.Null((await service.NewSession().GetAsync($"/outcomes?through=request:{other}")).Document.QuerySelector("#no-chains"));
        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync($"/outcomes?through=request:{confidential}")).Status);
        Assert.NotNull((await service.NewSession().GetAsync($"/outcomes?through=request:{request}")).Document.QuerySelector("#no-chains"));
        Assert.True(await service.WithDatabaseAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "outcome_link" && a.EntityId == id && a.Action == "unlinked")));
    }
}
