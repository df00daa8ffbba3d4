using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Supports;

/// <param name="Added">False when the person already supported it.</param>
/// <param name="Count">The item's count once the batch holding this support was written.</param>
public sealed record SupportWritten(bool Added, int Count);

/// <summary>One support, checked and waiting to be written.</summary>
/// <param name="type">The item's <see cref="ISupportable.Type"/>.</param>
public sealed class PendingSupport(string type, int targetId, int userId, string? use, string? sector, DateTime at)
{
    public string Type { get; } = type;
    public int TargetId { get; } = targetId;
    public int UserId { get; } = userId;
    public string? Use { get; } = use;
    public string? Sector { get; } = sector;
    public DateTime At { get; } = at;
    internal (string Type, int TargetId) Item => (Type, TargetId);
    internal TaskCompletionSource<SupportWritten> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for supports. When a request goes viral, thousands of people press "I need this too" in the
/// same second; each waiting for a transaction of their own would queue behind one another (SQLite writes one
/// at a time, and every PostgreSQL commit waits for the disk). Instead, whoever arrives while a batch is being
/// written joins the next one, and each batch is one transaction of a handful of statements, whatever kinds of
/// item it holds. Nobody is answered before their support is committed, and a batch that fails is retried one
/// support at a time, so one bad row fails only itself.
/// </summary>
public sealed class SupportBatches(IServiceScopeFactory scopes, WriteGate gate, ILogger<SupportBatches> log)
{
    /// <summary>Enough to share a commit widely, small enough that a batch is over in tens of milliseconds.</summary>
    private const int MostInABatch = 256;

    private readonly Lock sync = new();
    private readonly Queue<PendingSupport> queued = new();
    private bool writing;

    /// <summary>Queues the support and answers once it is committed. Once queued, it is written even if the
    /// person stops waiting.</summary>
    public Task<SupportWritten> WriteAsync(PendingSupport support)
    {
        lock (sync)
        {
            queued.Enqueue(support);
            if (!writing)
            {
                writing = true;
                _ = Task.Run(WriteQueuedAsync);
            }
        }
        return support.Done.Task;
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            var batch = new List<PendingSupport>();
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
                log.LogWarning(failure, "A batch of {Count} supports failed; writing them one at a time", batch.Count);
                foreach (var support in batch)
                {
                    try
                    {
                        await WriteInOneTransactionAsync([support]);
                    }
                    catch (Exception alone)
                    {
                        support.Done.TrySetException(alone);
                    }
                }
            }
            catch (Exception failure)
            {
                batch[0].Done.TrySetException(failure);
            }
        }
    }

    private async Task WriteInOneTransactionAsync(List<PendingSupport> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counters = scope.ServiceProvider.GetServices<ISupportable>().ToDictionary(s => s.Type, s => s.Counter.NamesIn(db));
        SupportWritten[] written;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            written = await db.InOneTransactionAsync(() =>
                WriteAsync(new Statements(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction()), batch, counters),
                CancellationToken.None);
        }
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(written[i]);
        }
    }

    /// <summary>
    /// The rows, the follows that come with new supports, and the counts, which move with the rows: a handful of
    /// statements for the whole batch, however many it holds.
    /// </summary>
    private static async Task<SupportWritten[]> WriteAsync(
        Statements sql, List<PendingSupport> batch, Dictionary<string, SupportCounter.Names> counters)
    {
        var added = new HashSet<(string Type, int TargetId, int UserId)>();
        await foreach (var row in sql.QueryAsync(p => $"""
            INSERT INTO "Supports" ("TargetType", "TargetId", "UserId", "Use", "Sector", "CreatedAt")
            VALUES {string.Join(", ", batch.Select(s => $"({p(s.Type)}, {p(s.TargetId)}, {p(s.UserId)}, {p(s.Use)}, {p(s.Sector)}, {p(s.At)})"))}
            ON CONFLICT ("TargetType", "TargetId", "UserId") DO NOTHING RETURNING "TargetType", "TargetId", "UserId"
            """))
        {
            added.Add((row.GetString(0), row.GetInt32(1), row.GetInt32(2)));
        }

        // The same person twice in one batch: the first is the new support, the second finds it there.
        var outcomes = batch.Select(s => added.Remove((s.Type, s.TargetId, s.UserId))).ToList();
        var isNew = batch.Where((_, i) => outcomes[i]).ToList();
        if (isNew.Count > 0)
        {
            await sql.ExecuteAsync(p => $"""
                INSERT INTO "Follows" ("TargetType", "TargetId", "UserId", "CreatedAt", "Asked")
                VALUES {string.Join(", ", isNew.Select(s => $"({p(s.Type)}, {p(s.TargetId)}, {p(s.UserId)}, {p(s.At)}, TRUE)"))}
                ON CONFLICT ("TargetType", "TargetId", "UserId") DO UPDATE SET "Asked" = TRUE
                """);
        }
        foreach (var again in batch.Where((s, i) => !outcomes[i] && s.Use is not null))
        {
            await sql.ExecuteAsync(p => $"""
                UPDATE "Supports" SET "Use" = {p(again.Use)}
                WHERE "TargetType" = {p(again.Type)} AND "TargetId" = {p(again.TargetId)} AND "UserId" = {p(again.UserId)}
                """);
        }

        var counts = new Dictionary<(string Type, int TargetId), int>();
        var newOnes = isNew.ToHashSet();
        foreach (var kind in batch.GroupBy(s => s.Type))
        {
            var counter = counters.TryGetValue(kind.Key, out var found) ? found : throw new InvalidOperationException($"Nothing of type {kind.Key} can be supported");
            var moved = kind.Where(newOnes.Contains).CountBy(s => s.TargetId).ToList();
            if (moved.Count > 0)
            {
                await foreach (var row in sql.QueryAsync(p => $"""
                    UPDATE {counter.Table} SET {counter.Count} = {counter.Count} + v.column2
                    FROM (VALUES {string.Join(", ", moved.Select(m => $"({p(m.Key)}, {p(m.Value)})"))}) AS v
                    WHERE {counter.Key} = v.column1 RETURNING {counter.Key}, {counter.Count}
                    """))
                {
                    counts[(kind.Key, row.GetInt32(0))] = row.GetInt32(1);
                }
            }
            var unmoved = kind.Select(s => s.TargetId).Where(id => !counts.ContainsKey((kind.Key, id))).Distinct().ToList();
            if (unmoved.Count > 0)
            {
                await foreach (var row in sql.QueryAsync(p => $"""
                    SELECT {counter.Key}, {counter.Count} FROM {counter.Table} WHERE {counter.Key} IN ({string.Join(", ", unmoved.Select(id => p(id)))})
                    """))
                {
                    counts[(kind.Key, row.GetInt32(0))] = row.GetInt32(1);
                }
            }
        }
        // A support of an item that is not there has no count to move: it fails (and with it, its batch).
        return [.. batch.Select((s, i) => new SupportWritten(outcomes[i],
            counts.TryGetValue(s.Item, out var count) ? count : throw new InvalidOperationException($"There is no {s.Type} {s.TargetId} to support")))];
    }

    /// <summary>SQL whose length depends on the batch, with every value a parameter, in the batch's transaction.</summary>
    private sealed class Statements(DbConnection connection, DbTransaction transaction)
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
