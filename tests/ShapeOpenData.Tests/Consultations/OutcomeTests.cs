using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>"We asked, you said, we did": published once the consultation has closed, and once, with figures and changes linked to versions.</summary>
public sealed class OutcomeTests(OutcomeTests.Service service) : IClassFixture<OutcomeTests.Service>
{
    /// <summary>
    /// The tests record an opinion-group run by hand: the background recount, which gives a closed consultation one last run,
    /// would replace it with a run over the votes actually stored (none) whenever its five seconds came round mid-test.
    /// </summary>
    public sealed class Service : ClockedServiceFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Consultations:GroupsEvery", "1.00:00:00")];
    }

    private async Task<WebSession> RunnerSessionAsync()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, TestConsultations.Owner, twoFactor: true));
        return session;
    }

    [Fact]
    public async Task WhileOpen_TheOutcomeCannotBePublished()
    {
        var (consultation, _) = await service.CreateConsultationAsync();
        var runner = await RunnerSessionAsync();

        var page = await runner.GetAsync($"/consultations/{consultation.Slug}/outcome/new");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("You publish the outcome once the consultation has closed", page.Document.QuerySelector("#not-yet")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("textarea[name=YouSaid]"));

        // Sent anyway, as a browser would send the form: the server refuses it.
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("YouSaid", "Too early"), new("WeDid", "Nothing yet")]);
        var refused = await WebPage.FromAsync(await runner.Http.PostAsync($"/consultations/{consultation.Slug}/outcome/new", form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["The outcome is published once the consultation has closed, and once"], refused.Errors.Select(e => e.Message));
        Assert.Equal(HttpStatusCode.NotFound, (await runner.GetAsync($"/consultations/{consultation.Slug}/outcome")).Status);
    }

    [Fact]
    public async Task Published_ShowsFiguresAndChangesLinkedToVersions_OnlyOnce_AndInTheFeed()
    {
        var (consultation, owner) = await service.CreateConsultationAsync(title: $"Bus data {Guid.NewGuid():N}"[..20]);
        var slug = consultation.Slug;
        var follower = await service.HearingAtOnceAsync(await service.CreatePersonAsync());
        await service.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShapeOpenData.Data.AppDbContext>();
            await s.GetRequiredService<ShapeOpenData.Modules.Follows.Following>().FollowAsync(follower.Id, ItemTypes.Consultation, consultation.Id, CancellationToken.None);
            await db.SaveChangesAsync();
            return 0;
        });
        await GatherAsync(consultation.Id);
        await service.ConsultationsAsync(owner, async (c, actor) =>
        {
            await c.PublishVersionAsync(slug, [("Why this matters", "Bus timetables are published late."), ("What we propose", "Within 7 days.")], "Seven days", actor);
            await c.CloseAsync(slug, actor);
        });
        var runner = await RunnerSessionAsync();

        var form = await runner.GetAsync($"/consultations/{slug}/outcome/new");
        Assert.Contains("2 people", form.Document.QuerySelector("#figures")!.TextContent, StringComparison.Ordinal);
        var wrong = await runner.SubmitAsync(form, ("WeDid", "We shortened the deadline."), ("Changes[0].Text", "Operators publish within 7 days"), ("Changes[0].Version", "2"), ("Changes[1].Version", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(["Say what people told you", "Say what change 2 was, or choose no version for it"], wrong.Errors.Select(e => e.Message));
        Assert.Equal("Changes-1-Text", wrong.Errors[1].Target);

        var outcome = await runner.SubmitAsync(form, ("YouSaid", "Most of you said **28 days** is too slow."), ("WeDid", "We shortened the deadline."),
            ("Changes[0].Text", "Operators publish within 7 days"), ("Changes[0].Version", "2"), ("Changes[1].Text", "We kept the open licence"));
        Assert.Equal($"/consultations/{slug}/outcome", outcome.Url);
        Assert.Equal("The outcome has been published. The consultation's followers have been told", outcome.Flash);
        Assert.Equal("We asked, you said, we did", outcome.Heading);
        var figures = outcome.Document.QuerySelector("#figures")!.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => string.Join(' ', r.QuerySelector("dd")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("2 people", figures["Took part"]);
        Assert.Equal("2 responses", figures["Survey"]);
        Assert.Equal("1 comment", figures["Comments on the document"]);
        Assert.Equal("1 statement, with 3 votes: 2 agree, 1 disagree, 0 pass (see the statements)", figures["Statements"]);
        Assert.Equal("2 groups of people who voted alike, among 3 participants (see the groups)", figures["Opinion groups"]);
        Assert.Contains("Most of you said 28 days is too slow.", outcome.Text, StringComparison.Ordinal);
        var changes = outcome.Document.QuerySelectorAll("#changes li").ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal([$"/consultations/{slug}/versions/2", $"/consultations/{slug}/versions/compare?from=1&to=2"], changes[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(changes[1].QuerySelectorAll("a"));
        Assert.Equal(HttpStatusCode.OK, (await runner.GetAsync(changes[0].QuerySelectorAll("a")[1].GetAttribute("href")!)).Status);
        await service.Mail.WaitForAsync(follower.Email, $"Outcome published: {consultation.Title}");

        var again = await runner.SubmitAsync(form, ("YouSaid", "Something else"), ("WeDid", "Something else"));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(["The outcome is published once the consultation has closed, and once"], again.Errors.Select(e => e.Message));
        Assert.Equal($"/consultations/{slug}/outcome", (await runner.GetAsync($"/consultations/{slug}/outcome/new")).Url);
        Assert.Contains("Most of you said", (await service.NewSession().GetAsync($"/consultations/{slug}/outcome")).Text, StringComparison.Ordinal);

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await service.CreateClient().GetStringAsync("/consultations.atom"));
        var entry = feed.Descendants(atom + "entry").Single(e => e.Element(atom + "title")!.Value == $"Outcome published: {consultation.Title}");
        Assert.EndsWith($"/consultations/{slug}/outcome", entry.Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
    }

    /// <summary>What people gave: two survey responses, a comment, a statement with three votes, and a run that found two groups.</summary>
    private async Task GatherAsync(int consultationId)
    {
        var (first, second, commenter) = (await service.CreatePersonAsync(withPassword: false), await service.CreatePersonAsync(withPassword: false), await service.CreatePersonAsync(withPassword: false));
        var principal = await service.PrincipalAsync(commenter);
        await service.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<ShapeOpenData.Data.AppDbContext>();
            var now = service.UtcNow();
            foreach (var person in new[] { first, second })
            {
                var participant = await s.GetRequiredService<Participants>().EnsureAsync(consultationId, person.Id, CancellationToken.None);
                db.Responses.Add(Response.Start(consultationId, participant.Id, now));
            }
            var statement = Statement.Submit(consultationId, 1, null, "Timetables should be open data", held: false, now);
            db.Statements.Add(statement);
            // The counts the voting workflow keeps with the votes.
            db.Entry(statement).Property(x => x.Agrees).CurrentValue = 2;
            db.Entry(statement).Property(x => x.Disagrees).CurrentValue = 1;
            db.Statements.Add(Statement.Submit(consultationId, 2, null, "Held back", held: true, now));
            var run = OpinionGroupRun.For(consultationId);
            run.Record(now, 3, now, 2, 3, "{}", "{}");
            db.OpinionGroupRuns.Add(run);
            await db.SaveChangesAsync();
            var section = await db.Sections.Where(x => db.DocumentVersions.Any(v => v.Id == x.VersionId && v.ConsultationId == consultationId && v.Number == 1) && x.Number == 1)
                .Select(x => x.Id).SingleAsync();
            await s.GetRequiredService<CommentThreads>().PostAsync(ItemTypes.ConsultationSection, section, null, "Yes, please.", principal, CancellationToken.None);
            return 0;
        });
    }
}
