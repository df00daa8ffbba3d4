using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Consultations.OpinionGroups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>
/// A real Pol.is conversation (Seattle, $15/hour) imported, its groups computed as Pol.is computes them, exported in Pol.is's
/// format over HTTP and imported again elsewhere: the same votes, the same groups.
/// </summary>
[Collection(SharedService.Engagement)]
public sealed class PolisInteropTests(ServiceFactory service)
{
    public static string Folder(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ShapeOpenData.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory!.FullName, "data", "polis", name);
    }

    private Task<Consultation> ImportAsync(string folder) => service.WithServicesAsync(async s =>
    {
        var owner = await s.GetRequiredService<ShapeOpenData.Data.AppDbContext>().Organisations.Where(o => o.Slug == "cabinet-office").Select(o => o.Id).SingleAsync();
        return await s.GetRequiredService<PolisInterop>().ImportAsync(PolisExport.Read(folder), PolisInterop.ReadSummary(folder), owner, null, CancellationToken.None);
    });

    private Task<OpinionGroupRunSummary> GroupAsync(Consultation consultation) =>
        service.WithServicesAsync(async s => (await s.GetRequiredService<OpinionGroupComputation>().RecomputeAsync(consultation.Id, force: true, CancellationToken.None))!);

    private Task<Dictionary<int, int>> GroupsByParticipantAsync(Consultation consultation) => service.WithDatabaseAsync(db =>
        db.Participants.Where(p => p.ConsultationId == consultation.Id && p.GroupNumber != null).ToDictionaryAsync(p => p.Number, p => p.GroupNumber!.Value));

    [Fact]
    public async Task Seattle_ImportedGroupedExportedAndImportedAgain_SameVotesSameGroups()
    {
        var source = Folder("15-per-hour-seattle");
        var original = PolisExport.Read(source);
        var consultation = await ImportAsync(source);
        Assert.Equal(ConsultationState.Closed, consultation.State);

        var run = await GroupAsync(consultation);
        Assert.Equal((2, 138), (run.K, run.Grouped));
        var ours = await GroupsByParticipantAsync(consultation);
        var polis = original.Participants.Where(p => p.GroupId is not null).ToDictionary(p => p.Id, p => p.GroupId!.Value);
        var both = ours.Keys.Intersect(polis.Keys).ToArray();
        var agreement = AdjustedRandIndex.Compute([.. both.Select(p => ours[p])], [.. both.Select(p => polis[p])]);
        Assert.True(agreement >= 0.85, $"adjusted Rand index with Pol.is's groups: {agreement:0.000}");

        // Exported over HTTP in Pol.is's format, into a folder of its own.
        var session = service.NewSession();
        var copy = Directory.CreateTempSubdirectory("polis-round-trip-").FullName;
        foreach (var file in new[] { PolisExport.CommentsFile, PolisExport.VotesFile, PolisExport.ParticipantsVotesFile })
        {
            var response = await session.Http.GetAsync($"/consultations/{consultation.Slug}/export/{file}");
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            await File.WriteAllBytesAsync(Path.Combine(copy, file), await response.Content.ReadAsByteArrayAsync());
        }
        var exported = PolisExport.Read(copy);
        Assert.Equal(original.Votes.Select(v => (v.StatementId, v.VoterId, v.Vote)).Order(), exported.Votes.Select(v => (v.StatementId, v.VoterId, v.Vote)).Order());
        Assert.Equal(ours.OrderBy(g => g.Key), exported.Participants.Where(p => p.GroupId is not null).ToDictionary(p => p.Id, p => p.GroupId!.Value).OrderBy(g => g.Key));
        // Moderated out in Pol.is: hidden here, so its words are in no export, though its row and votes are.
        var hidden = original.Statements.First(s => s.Moderated == PolisModeration.Out);
        Assert.Equal("", exported.Statements.Single(s => s.Id == hidden.Id).Body);
        Assert.Equal(PolisModeration.Out, exported.Statements.Single(s => s.Id == hidden.Id).Moderated);

        var again = await ImportAsync(copy);
        Assert.NotEqual(consultation.Slug, again.Slug);
        Assert.Equal((2, 138), ((await GroupAsync(again)).K, (await GroupAsync(again)).Grouped));
        var theirs = await GroupsByParticipantAsync(again);
        Assert.Equal(1.0, AdjustedRandIndex.Compute([.. ours.Keys.Order().Select(p => ours[p])], [.. ours.Keys.Order().Select(p => theirs[p])]), 3);

        var page = await session.GetAsync($"/consultations/{consultation.Slug}/groups");
        Assert.Equal(["A", "B"], page.Document.QuerySelectorAll("#group-sizes tbody th").Select(t => t.TextContent));
        Assert.NotNull(page.Document.QuerySelector("svg[role=img] title"));
        Assert.DoesNotContain(hidden.Body, page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_LeavesOutTheVotesOfSomeoneWhoDidNotConsent_AndHeldWords()
    {
        var (consultation, _) = await service.CreateConsultationAsync();
        var person = await service.CreatePersonAsync();
        var other = await service.CreatePersonAsync();
        await service.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var shown = Statement.Submit(consultation.Id, 0, null, "Timetables should be published weekly", held: false, now);
            var held = Statement.Submit(consultation.Id, 1, null, "Held words nobody else may read", held: true, now);
            var refuses = Participant.Join(consultation.Id, person.Id, 0, now);
            refuses.Choose(Consent.NotPublished);
            var agrees = Participant.Join(consultation.Id, other.Id, 1, now);
            db.AddRange(shown, held, refuses, agrees);
            await db.SaveChangesAsync();
            db.StatementVotes.AddRange(StatementVote.Cast(consultation.Id, shown.Id, refuses.Id, VoteChoice.Disagree, now),
                StatementVote.Cast(consultation.Id, shown.Id, agrees.Id, VoteChoice.Agree, now));
            return await db.SaveChangesAsync();
        });

        var session = service.NewSession();
        var votes = await session.Http.GetStringAsync($"/consultations/{consultation.Slug}/export/votes.csv");
        var comments = await session.Http.GetStringAsync($"/consultations/{consultation.Slug}/export/comments.csv");
        Assert.Equal(["timestamp,datetime,comment-id,voter-id,vote", $"1"], votes.Trim().Split('\n').Select((l, i) => i == 0 ? l : l.Split(',')[^1]));
        Assert.Contains("Timetables should be published weekly", comments, StringComparison.Ordinal);
        Assert.DoesNotContain("Held words", comments, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await session.Http.GetAsync("/consultations/no-such-consultation/export/votes.csv")).StatusCode);
    }
}
