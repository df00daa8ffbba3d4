using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Cli;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Consultations.Statements;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>
/// The votes the opinion groups are computed from, read from the real database: caught up from the last run's snapshot
/// with only the votes cast or changed since, they are exactly what reading them all gives; and a vote taken back, which
/// no catch-up by time can see, makes the next run read them all again.
/// </summary>
[Collection(SharedService.Engagement)]
public sealed class StoredVotesTests(ServiceFactory service)
{
    [Fact]
    public async Task CaughtUpFromTheLastRun_TheVotesAreThoseReadWhole_AndAVoteTakenBackMakesItReadThemAll()
    {
        var (consultationId, statementIds) = await GenerateAsync();
        var snapshots = new VoteSnapshots(keptFrom: 1);
        Assert.True((await ReadAsync(consultationId, statementIds, snapshots)).ReadAll);

        var (changed, added) = await service.WithDatabaseAsync(async db =>
        {
            var votes = db.StatementVotes.Where(v => v.ConsultationId == consultationId);
            var someone = await votes.OrderBy(v => v.StatementId).ThenBy(v => v.ParticipantId).FirstAsync();
            var lightest = await votes.GroupBy(v => v.ParticipantId).OrderBy(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
            var notYet = statementIds.Except(await votes.Where(v => v.ParticipantId == lightest).Select(v => v.StatementId).ToListAsync()).First();
            return ((Statement: someone.StatementId, Participant: someone.ParticipantId, Choice: someone.Choice == VoteChoice.Agree ? VoteChoice.Disagree : VoteChoice.Agree),
                (Statement: notYet, Participant: lightest, Choice: VoteChoice.Pass));
        });
        await VoteAsync(consultationId, changed.Statement, changed.Participant, changed.Choice);
        await VoteAsync(consultationId, added.Statement, added.Participant, added.Choice);

        var caughtUp = await ReadAsync(consultationId, statementIds, snapshots);
        var whole = await ReadAsync(consultationId, statementIds, new VoteSnapshots(keptFrom: 1));
        Assert.False(caughtUp.ReadAll);
        Assert.Equal(whole.Votes, caughtUp.Votes);
        Assert.Contains((changed.Participant, changed.Statement, (int)changed.Choice), caughtUp.Votes);
        Assert.Contains((added.Participant, added.Statement, (int)added.Choice), caughtUp.Votes);

        await VoteAsync(consultationId, changed.Statement, changed.Participant, null);
        var afterTakingBack = await ReadAsync(consultationId, statementIds, snapshots);
        Assert.True(afterTakingBack.ReadAll);
        Assert.DoesNotContain(afterTakingBack.Votes, v => (v.Participant, v.Statement) == (changed.Participant, changed.Statement));
        Assert.Equal(whole.Votes.Count - 1, afterTakingBack.Votes.Count);
    }

    private Task<(int Id, int[] Statements)> GenerateAsync() => service.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var owner = await db.Organisations.Where(o => o.Slug == "cabinet-office").Select(o => o.Id).SingleAsync();
        var now = s.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var generated = await ActivatorUtilities.CreateInstance<BenchmarkData>(s)
            .GenerateConsultationAsync(new ConsultationSize(200, 30, 15, 3), owner, seed: 1, now, (_, _, _) => { }, CancellationToken.None);
        var id = await db.Consultations.Where(c => c.Slug == generated.Slug).Select(c => c.Id).SingleAsync();
        return (id, await db.Statements.Where(st => st.ConsultationId == id).OrderBy(st => st.Id).Select(st => st.Id).ToArrayAsync());
    });

    /// <summary>A vote written as the service writes one (with the statement's counts), or taken back when <paramref name="choice"/> is null.</summary>
    private Task<VoteWritten> VoteAsync(int consultationId, int statementId, int participantId, VoteChoice? choice) => service.WithServicesAsync(async s =>
        await s.GetRequiredService<VoteBatches>().WriteAsync(new PendingVote(consultationId, statementId, participantId, choice, s.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)));

    /// <summary>The votes read, as (participant id, statement id, vote), in order.</summary>
    private Task<(List<(int Participant, int Statement, int Vote)> Votes, bool ReadAll)> ReadAsync(int consultationId, int[] statementIds, VoteSnapshots snapshots) =>
        service.WithServicesAsync(async s =>
        {
            var now = s.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var (keys, votes, readAll) = await StoredVotes.ReadAsync(s.GetRequiredService<AppDbContext>(), consultationId, statementIds, snapshots, now, CancellationToken.None);
            var read = Enumerable.Range(0, votes.Count).Select(i => ((int)keys[votes.Participants[i]], statementIds[votes.Statements[i]], (int)votes.Values[i])).Order().ToList();
            return (read, readAll);
        });
}
