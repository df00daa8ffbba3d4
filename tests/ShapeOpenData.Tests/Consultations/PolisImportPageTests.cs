using System.Text;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Consultations.OpinionGroups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>The programme team imports a Pol.is export on <c>/consultations/import</c>: two files and an owner, checked before anything is kept.</summary>
[Collection(SharedService.Engagement)]
public sealed class PolisImportPageTests(ServiceFactory service)
{
    private const string Address = "/consultations/import";
    private static readonly string Seattle = PolisInteropTests.Folder("15-per-hour-seattle");

    /// <summary>A file of the Seattle export, chosen for a field.</summary>
    private static (string Field, string FileName, byte[] Bytes) Upload(string field, string name) => (field, name, File.ReadAllBytes(Path.Combine(Seattle, name)));

    private async Task<WebSession> SignedInAsync(string? role)
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(role, role == Roles.Publisher ? "cabinet-office" : null, twoFactor: role is not null));
        return session;
    }

    /// <summary>Fills in the form as a browser does: the files chosen, the owner and the topic, with the page's antiforgery token.</summary>
    private static async Task<WebPage> ImportAsync(WebSession session, IEnumerable<(string Field, string FileName, byte[] Bytes)> files,
        string organisation = "cabinet-office", string topic = "")
    {
        var page = await session.GetAsync(Address);
        var token = page.Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(organisation), "Organisation" },
            { new StringContent(topic), "Topic" },
        };
        foreach (var (field, name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), field, name);
        }
        return await WebPage.FromAsync(await session.Http.PostAsync(Address, form));
    }

    [Fact]
    public async Task TheProgrammeTeam_ImportsSeattle_AndIsTakenToTheNewClosedConsultation()
    {
        var team = await SignedInAsync(Roles.ProgrammeTeam);
        var index = await team.GetAsync("/consultations");
        Assert.NotNull(index.Document.QuerySelector($"main a[href='{Address}']"));

        var imported = await ImportAsync(team, [Upload("Comments", "comments.csv"), Upload("Votes", "votes.csv")], topic: "$15 per hour");

        var export = PolisExport.Read(Seattle);
        var participants = export.Votes.Select(v => v.VoterId).Concat(export.Statements.Select(s => s.AuthorId)).Distinct().Count();
        Assert.StartsWith("/consultations/polis-15-per-hour", imported.Url, StringComparison.Ordinal);
        Assert.Equal($"Imported 54 statements, {export.Votes.Count:N0} votes and {participants:N0} participants from Pol.is. The opinion groups appear in a few seconds", imported.Flash);
        Assert.Equal("Pol.is conversation: $15 per hour", imported.Heading);
        Assert.Equal("Closed", imported.Document.QuerySelector("main .govuk-tag")!.TextContent);
        var slug = imported.Url.Split('/')[2];
        var by = await service.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.EntityType == ItemTypes.Consultation && e.Action == "imported_from_polis"
            && db.Consultations.Any(c => c.Id == e.EntityId && c.Slug == slug)).Select(e => e.ActorId).SingleAsync());
        Assert.NotNull(by);
    }

    [Fact]
    public async Task MissingFilesAWrongFileAndNoOwner_AreToldOnEachField()
    {
        var team = await SignedInAsync(Roles.ProgrammeTeam);
        var before = await service.WithDatabaseAsync(db => db.Consultations.CountAsync());

        var nothing = await ImportAsync(team, [], organisation: "");
        var wrong = await ImportAsync(team, [Upload("Comments", "votes.csv"), ("Votes", "votes.txt", Encoding.UTF8.GetBytes("timestamp,datetime,comment-id,voter-id,vote\n"))]);

        Assert.Equal(HttpStatusCode.BadRequest, nothing.Status);
        Assert.Equal(
            [
                ("Select the conversation's comments.csv", "Comments"),
                ("Select the conversation's votes.csv", "Votes"),
                ("Select the organisation that owns the conversation", "Organisation"),
            ],
            nothing.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(
            [
                ("The file you chose for comments.csv is not a Pol.is comments.csv: it has no columns author-id, agrees, disagrees, moderated, comment-body", "Comments"),
                ("The votes.csv file must be a CSV file", "Votes"),
            ],
            wrong.Errors);
        Assert.Equal("The votes.csv file must be a CSV file", wrong.FieldError("Votes"));
        Assert.Equal(before, await service.WithDatabaseAsync(db => db.Consultations.CountAsync()));
    }

    [Fact]
    public async Task AVoteThatIsNotANumber_IsRefusedWithItsLine_AndNothingIsImported()
    {
        var team = await SignedInAsync(Roles.ProgrammeTeam);
        var votes = Encoding.UTF8.GetBytes("timestamp,datetime,comment-id,voter-id,vote\n1403054214196,Wed Jun 18 08:16:54 WIB 2014,0,0,agree\n");

        var refused = await ImportAsync(team, [Upload("Comments", "comments.csv"), ("Votes", "votes.csv", votes)], topic: "Bad votes");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal([("Row 2 of votes.csv (counting its header) could not be read: column 5 is not what Pol.is writes there", "Votes")], refused.Errors);
        Assert.Equal(0, await service.WithDatabaseAsync(db => db.Consultations.CountAsync(c => c.Slug.StartsWith("polis-bad-votes"))));
    }

    [Fact]
    public async Task ParticipantsPublishersAndTheTeamWithoutTwoFactor_CannotReachIt_NorSeeTheLink()
    {
        foreach (var role in new string?[] { null, Roles.Publisher })
        {
            var session = await SignedInAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(Address)).Status);
            Assert.Null((await session.GetAsync("/consultations")).Document.QuerySelector($"main a[href='{Address}']"));
        }
        // Staff roles count only once two-factor authentication is on, as on every staff page.
        var withoutTwoFactor = service.NewSession();
        await withoutTwoFactor.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam));
        Assert.Equal(HttpStatusCode.Forbidden, (await withoutTwoFactor.GetAsync(Address)).Status);

        var participant = await SignedInAsync(null);
        // Sent anyway, with a token the person holds from another form: the server refuses it.
        var token = (await participant.GetAsync("/account/profile")).Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Upload("Comments", "comments.csv").Bytes), "Comments", "comments.csv" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.Http.PostAsync(Address, form)).StatusCode);
        Assert.StartsWith("/account/sign-in", (await service.NewSession().GetAsync(Address)).Url, StringComparison.Ordinal);
    }
}
