using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Consultations.Statements;

/// <summary>A statement's counts once the batch holding a vote was written.</summary>
public sealed record StatementCounts(int StatementId, int Agrees, int Disagrees, int Passes)
{
    public int Votes => Agrees + Disagrees + Passes;
}

/// <param name="Changed">False when nothing changed: the same vote again, or withdrawing a vote that was not there.</param>
public sealed record VoteWritten(bool Changed, StatementCounts Counts);

/// <summary>One vote (or, with no choice, its withdrawal), checked and waiting to be written.</summary>
public sealed class PendingVote(int consultationId, int statementId, int participantId, VoteChoice? choice, DateTime at)
{
    public int ConsultationId { get; } = consultationId;
    public int StatementId { get; } = statementId;
    public int ParticipantId { get; } = participantId;

    /// <summary>The vote, or null to withdraw it.</summary>
    public VoteChoice? Choice { get; } = choice;
    public DateTime At { get; } = at;
    internal (int StatementId, int ParticipantId) Key => (StatementId, ParticipantId);
    internal TaskCompletionSource<VoteWritten> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for votes, as <c>SupportBatches</c> does for supports: a consultation with thousands of people voting
/// at once would otherwise queue one transaction per vote behind SQLite's single writer (or PostgreSQL's commit flush).
/// Whoever arrives while a batch is written joins the next; each batch is one transaction that reads the votes it
/// replaces, writes the rows and moves each statement's counts by the difference, so the counts always equal the rows.
/// Nobody is answered before their vote is committed, and a batch that fails is retried one vote at a time, so one bad
/// vote fails only itself.
/// </summary>
public sealed class VoteBatches(IServiceScopeFactory scopes, WriteGate gate, ILogger<VoteBatches> log)
{
    /// <summary>Enough to share a commit widely, small enough that a batch is over in tens of milliseconds.</summary>
    private const int MostInABatch = 256;

    private readonly Lock sync = new();
    private readonly Queue<PendingVote> queued = new();
    private bool writing;

    /// <summary>Queues the vote and answers once it is committed. Once queued, it is written even if the person stops waiting.</summary>
    public Task<VoteWritten> WriteAsync(PendingVote vote)
    {
        lock (sync)
        {
            queued.Enqueue(vote);
            if (!writing)
            {
                writing = true;
                _ = Task.Run(WriteQueuedAsync);
            }
        }
        return vote.Done.Task;
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            var batch = new List<PendingVote>();
            lock (sync)
            {
                while (batch.Count < MostInABatch && queued.TryDequeue(out var next)) batch.Add(next);
                if (batch.Count == 0)
                {
                    writing = false;
                    return;
                }
            }
            try
            {
                await WriteInOneTransactionAsync(batch);
            }
            catch (Exception failure) when (batch.Count > 1)
            {
                log.LogWarning(failure, "A batch of {Count} votes failed; writing them one at a time", batch.Count);
                foreach (var vote in batch)
                {
                    try
                    {
                        await WriteInOneTransactionAsync([vote]);
                    }
                    catch (Exception alone)
                    {
                        vote.Done.TrySetException(alone);
                    }
                }
            }
            catch (Exception failure)
            {
                batch[0].Done.TrySetException(failure);
            }
        }
    }

    private async Task WriteInOneTransactionAsync(List<PendingVote> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var locks = !db.Database.IsSqlite();
        VoteWritten[] written;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            written = await db.InOneTransactionAsync(() =>
                WriteAsync(new VoteSql(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction()), batch, locks),
                CancellationToken.None);
        }
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(written[i]);
        }
    }

    /// <summary>
    /// The batch in a handful of statements, however many votes it holds: lock its statements (PostgreSQL; SQLite has
    /// one writer), read the votes they replace, take the votes in the order they came (the same person twice on the
    /// same statement: the later wins), write what changed and move the counts by the difference.
    /// </summary>
    /// <param name="locks">Lock the statements' rows, so that another instance's batch on the same statements waits
    /// rather than reading a vote this one is replacing.</param>
    private static async Task<VoteWritten[]> WriteAsync(VoteSql sql, List<PendingVote> batch, bool locks)
    {
        var statementIds = batch.Select(v => v.StatementId).Distinct().Order().ToList();
        if (locks)
        {
            await sql.ExecuteAsync(p => $"""
                SELECT "Id" FROM "Statements" WHERE "Id" IN ({string.Join(", ", statementIds.Select(id => p(id)))}) ORDER BY "Id" FOR UPDATE
                """);
        }
        var keys = batch.Select(v => v.Key).Distinct().ToList();
        var stored = new Dictionary<(int, int), VoteChoice>();
        await foreach (var row in sql.QueryAsync(p => $"""
            SELECT s."StatementId", s."ParticipantId", s."Choice"
            FROM (VALUES {string.Join(", ", keys.Select(k => $"({p(k.StatementId)}, {p(k.ParticipantId)})"))}) AS k
            JOIN "StatementVotes" s ON s."StatementId" = k.column1 AND s."ParticipantId" = k.column2
            """))
        {
            stored[(row.GetInt32(0), row.GetInt32(1))] = (VoteChoice)row.GetInt16(2);
        }

        // Each vote against the one before it, in the order they came; what is left for each person and statement is written.
        var now = new Dictionary<(int, int), VoteChoice?>();
        var changed = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var vote = batch[i];
            var before = now.TryGetValue(vote.Key, out var earlier) ? earlier : stored.TryGetValue(vote.Key, out var kept) ? kept : null;
            changed[i] = before != vote.Choice;
            now[vote.Key] = vote.Choice;
        }
        var last = batch.Select((v, i) => (Vote: v, Index: i)).GroupBy(v => v.Vote.Key).Select(g => g.Last().Vote).ToList();
        var upserts = last.Where(v => v.Choice is { } choice && (!stored.TryGetValue(v.Key, out var old) || old != choice)).ToList();
        var removals = last.Where(v => v.Choice is null && stored.ContainsKey(v.Key)).ToList();
        if (upserts.Count > 0)
        {
            await sql.ExecuteAsync(p => $"""
                INSERT INTO "StatementVotes" ("StatementId", "ParticipantId", "ConsultationId", "Choice", "VotedAt")
                VALUES {string.Join(", ", upserts.Select(v => $"({p(v.StatementId)}, {p(v.ParticipantId)}, {p(v.ConsultationId)}, {p((short)v.Choice!.Value)}, {p(v.At)})"))}
                ON CONFLICT ("StatementId", "ParticipantId") DO UPDATE SET "Choice" = excluded."Choice", "VotedAt" = excluded."VotedAt"
                """);
        }
        if (removals.Count > 0)
        {
            await sql.ExecuteAsync(p => $"""
                DELETE FROM "StatementVotes"
                WHERE {string.Join(" OR ", removals.Select(v => $"(\"StatementId\" = {p(v.StatementId)} AND \"ParticipantId\" = {p(v.ParticipantId)})"))}
                """);
        }

        // The counts move by the difference between the votes replaced and the votes now there.
        var moves = new Dictionary<int, (int Agrees, int Disagrees, int Passes)>();
        foreach (var vote in upserts.Concat(removals))
        {
            var move = moves.GetValueOrDefault(vote.StatementId);
            if (stored.TryGetValue(vote.Key, out var old)) move = Add(move, old, -1);
            if (vote.Choice is { } choice) move = Add(move, choice, +1);
            moves[vote.StatementId] = move;
        }
        var counts = new Dictionary<int, StatementCounts>();
        if (moves.Count > 0)
        {
            await foreach (var row in sql.QueryAsync(p => $"""
                UPDATE "Statements" SET "Agrees" = "Agrees" + v.column2, "Disagrees" = "Disagrees" + v.column3, "Passes" = "Passes" + v.column4
                FROM (VALUES {string.Join(", ", moves.Select(m => $"({p(m.Key)}, {p(m.Value.Agrees)}, {p(m.Value.Disagrees)}, {p(m.Value.Passes)})"))}) AS v
                WHERE "Id" = v.column1 RETURNING "Id", "Agrees", "Disagrees", "Passes"
                """))
            {
                counts[row.GetInt32(0)] = Read(row);
            }
        }
        var unmoved = statementIds.Where(id => !counts.ContainsKey(id)).ToList();
        if (unmoved.Count > 0)
        {
            await foreach (var row in sql.QueryAsync(p => $"""
                SELECT "Id", "Agrees", "Disagrees", "Passes" FROM "Statements" WHERE "Id" IN ({string.Join(", ", unmoved.Select(id => p(id)))})
                """))
            {
                counts[row.GetInt32(0)] = Read(row);
            }
        }
        // A vote on a statement that is not there has no counts to move: it fails (and with it, its batch).
        return [.. batch.Select((v, i) => new VoteWritten(changed[i],
            counts.TryGetValue(v.StatementId, out var c) ? c : throw new InvalidOperationException($"There is no statement {v.StatementId} to vote on")))];
    }

    private static (int Agrees, int Disagrees, int Passes) Add((int Agrees, int Disagrees, int Passes) move, VoteChoice choice, int by) => choice switch
    {
        VoteChoice.Agree => move with { Agrees = move.Agrees + by },
        VoteChoice.Disagree => move with { Disagrees = move.Disagrees + by },
        _ => move with { Passes = move.Passes + by },
    };

    private static StatementCounts Read(DbDataReader row) => new(row.GetInt32(0), row.GetInt32(1), row.GetInt32(2), row.GetInt32(3));

    /// <summary>SQL whose length depends on the batch, with every value a parameter, in the batch's transaction.</summary>
    private sealed class VoteSql(DbConnection connection, DbTransaction transaction)
    {
        public async IAsyncEnumerable<DbDataReader> QueryAsync(Func<Func<object?, string>, string> text)
        {
            await using var command = Create(text);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                yield return reader;
            }
        }

        public async Task ExecuteAsync(Func<Func<object?, string>, string> text)
        {
            await using var command = Create(text);
            await command.ExecuteNonQueryAsync();
        }

        private DbCommand Create(Func<Func<object?, string>, string> text)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text(value =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + command.Parameters.Count;
                parameter.Value = value ?? DBNull.Value;
                if (value is null) parameter.DbType = DbType.String;
                command.Parameters.Add(parameter);
                return parameter.ParameterName;
            });
            return command;
        }
    }
}
