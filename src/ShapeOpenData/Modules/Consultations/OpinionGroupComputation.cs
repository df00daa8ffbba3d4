using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Consultations.OpinionGroups;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// What a recomputation did: how long it took (and of that, reading the votes, computing and saving), how many groups,
/// how many participants grouped of how many who voted, and whether every vote was read or only those since the last run.
/// </summary>
public sealed record OpinionGroupRunSummary(TimeSpan Took, int K, int Grouped, int Voters, TimeSpan Reading, TimeSpan Computing, TimeSpan Saving, bool ReadAllVotes);

/// <summary>
/// Computes a consultation's opinion groups from its votes (<see cref="OpinionGroupEngine"/>), warm-started from the last
/// run so groups keep their numbers, and stores the result, the engine's state and each participant's group. It reads the
/// votes without locking them, so votes go on being cast while it runs; in the service, where the last run's votes are kept
/// (<see cref="VoteSnapshots"/>), only those cast or changed since.
/// </summary>
public sealed class OpinionGroupComputation(AppDbContext db, VoteSnapshots snapshots, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Recomputes when votes changed since the last run (or always, when <paramref name="force"/>); null when nothing changed.
    /// When another process (the service's watch, or an operator's command) stored the consultation's first run meanwhile,
    /// it computes once more on top of that run.
    /// </summary>
    public async Task<OpinionGroupRunSummary?> RecomputeAsync(int consultationId, bool force, CancellationToken cancellationToken)
    {
        try
        {
            return await ComputeAsync(consultationId, force, cancellationToken);
        }
        catch (DbUpdateException firstRunClash) when (firstRunClash.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await ComputeAsync(consultationId, force, cancellationToken);
        }
    }

    private async Task<OpinionGroupRunSummary?> ComputeAsync(int consultationId, bool force, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (votesNow, lastVoteAt) = await FingerprintAsync(consultationId, cancellationToken);
        var run = await db.OpinionGroupRuns.FindAsync([consultationId], cancellationToken);
        if (!force && run is not null && run.VotesSeen == votesNow && run.LastVoteAt == lastVoteAt)
        {
            return null;
        }

        var statements = await db.Statements.AsNoTracking().Where(s => s.ConsultationId == consultationId).OrderBy(s => s.Id)
            .Select(s => new { s.Id, Out = s.Moderation.HiddenAt != null }).ToListAsync(cancellationToken);
        var (participantKeys, votes, readAll) = await StoredVotes.ReadAsync(db, consultationId, [.. statements.Select(s => s.Id)], snapshots, clock.UtcNow(), cancellationToken);
        var read = Stopwatch.GetTimestamp();
        var previous = run is null ? null : JsonSerializer.Deserialize<OpinionGroupState>(run.State, Json);
        var result = OpinionGroupEngine.Compute(new OpinionGroupInput(participantKeys, [.. statements.Select(s => (long)s.Id)], votes,
            [.. Enumerable.Range(0, statements.Count).Where(i => statements[i].Out)], previous));
        var view = ViewOf(result, participantKeys.Length, [.. statements.Select(s => s.Id)]);
        var computed = Stopwatch.GetTimestamp();

        if (run is null)
        {
            run = OpinionGroupRun.For(consultationId);
            db.OpinionGroupRuns.Add(run);
        }
        run.Record(clock.UtcNow(), votesNow, lastVoteAt, result.K, result.GroupedCount, JsonSerializer.Serialize(view, Json), JsonSerializer.Serialize(result.State, Json));
        await db.InOneTransactionAsync(async () =>
        {
            await SaveGroupsAsync(consultationId, participantKeys, result, cancellationToken);
            return await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        var saved = Stopwatch.GetTimestamp();
        return new OpinionGroupRunSummary(Stopwatch.GetElapsedTime(started, saved), result.K, result.GroupedCount, participantKeys.Length,
            Stopwatch.GetElapsedTime(started, read), Stopwatch.GetElapsedTime(read, computed), Stopwatch.GetElapsedTime(computed, saved), readAll);
    }

    /// <summary>
    /// The votes there are and the latest change: the statements' counts (kept with every vote) and the newest vote's time,
    /// both read from indexes, so the watch can ask every few seconds.
    /// </summary>
    public async Task<(long Votes, DateTime? LastVoteAt)> FingerprintAsync(int consultationId, CancellationToken cancellationToken)
    {
        var votes = await db.Statements.Where(s => s.ConsultationId == consultationId).SumAsync(s => (long)(s.Agrees + s.Disagrees + s.Passes), cancellationToken);
        var last = await db.StatementVotes.Where(v => v.ConsultationId == consultationId).MaxAsync(v => (DateTime?)v.VotedAt, cancellationToken);
        return (votes, last);
    }

    /// <summary>
    /// Each participant's group, written only where it changed (between runs few do), in one statement per group whatever
    /// how many: the ids go as one array parameter. The groups there are now are read without an entity each.
    /// </summary>
    private async Task SaveGroupsAsync(int consultationId, long[] participantKeys, OpinionGroupResult result, CancellationToken cancellationToken)
    {
        var current = await CurrentGroupsAsync(consultationId, cancellationToken);
        var changes = new List<(int Id, int? Group)>();
        for (var i = 0; i < participantKeys.Length; i++)
        {
            var id = (int)participantKeys[i];
            var group = result.GroupOf(i);
            if ((current.TryGetValue(id, out var was) ? was : null) != group)
            {
                changes.Add((id, group));
            }
        }
        foreach (var batch in changes.GroupBy(c => c.Group))
        {
            var ids = batch.Select(c => c.Id).ToArray();
            await db.Participants.Where(p => EF.Parameter(ids).Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.GroupNumber, batch.Key), cancellationToken);
        }
    }

    private async Task<Dictionary<int, int>> CurrentGroupsAsync(int consultationId, CancellationToken cancellationToken)
    {
        var table = db.Model.FindEntityType(typeof(Participant))!.GetTableName();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT \"Id\", \"GroupNumber\" FROM \"{table}\" WHERE \"ConsultationId\" = @consultation AND \"GroupNumber\" IS NOT NULL";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@consultation";
        parameter.Value = consultationId;
        command.Parameters.Add(parameter);
        var groups = new Dictionary<int, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            groups[reader.GetInt32(0)] = reader.GetInt32(1);
        }
        return groups;
    }

    private static OpinionGroupView ViewOf(OpinionGroupResult result, int voters, int[] statementIds)
    {
        GroupStatementView Of(int statement, Opinion opinion, StatementTally tally) =>
            new(statementIds[statement], opinion, tally.Agree, tally.Disagree, tally.Pass);

        var everyone = new StatementTally[statementIds.Length];
        foreach (var group in result.Groups)
        {
            for (var s = 0; s < everyone.Length; s++)
            {
                everyone[s] = new(everyone[s].Agree + group.Votes[s].Agree, everyone[s].Disagree + group.Votes[s].Disagree, everyone[s].Pass + group.Votes[s].Pass);
            }
        }
        var groups = result.Groups.Select(g =>
        {
            var (sx, sy) = Spread(result, g.Number, g.Centre);
            return new GroupView(g.Number, g.Size, g.Centre.X, g.Centre.Y, sx, sy,
                [.. g.Representative.Select(r => Of(r.Statement, r.Opinion, g.Votes[r.Statement]))]);
        }).OrderBy(g => g.Number).ToList();
        return new OpinionGroupView(voters, result.GroupedCount, groups,
            [.. result.ConsensusAgree.Select(c => Of(c.Statement, c.Opinion, everyone[c.Statement]))],
            [.. result.ConsensusDisagree.Select(c => Of(c.Statement, c.Opinion, everyone[c.Statement]))]);
    }

    private static (double X, double Y) Spread(OpinionGroupResult result, int number, MapPosition centre)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var i = 0; i < result.ParticipantGroups.Length; i++)
        {
            if (result.ParticipantGroups[i] == number)
            {
                var p = result.Positions[i];
                sx += (p.X - centre.X) * (p.X - centre.X);
                sy += (p.Y - centre.Y) * (p.Y - centre.Y);
                n++;
            }
        }
        return n == 0 ? (0, 0) : (Math.Sqrt(sx / n), Math.Sqrt(sy / n));
    }
}
