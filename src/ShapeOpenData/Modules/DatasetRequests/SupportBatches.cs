using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <param name="Added">False when the person already supported it.</param>
/// <param name="SupportCount">The request's count straight after this support was written.</param>
public sealed record SupportWritten(bool Added, int SupportCount);

/// <summary>One "I need this too", checked and waiting to be written.</summary>
public sealed class PendingSupport(int requestId, int userId, string? use, string? sector, DateTime at)
{
    public int RequestId { get; } = requestId;
    public int UserId { get; } = userId;
    public string? Use { get; } = use;
    public string? Sector { get; } = sector;
    public DateTime At { get; } = at;
    internal TaskCompletionSource<SupportWritten> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for supports. When a request goes viral, thousands of people press "I need this too" in the
/// same second; each waiting for a transaction of their own would queue behind one another (SQLite writes one
/// at a time, and every PostgreSQL commit waits for the disk). Instead, whoever arrives while the writers are
/// busy waits for the next batch, and each batch is one transaction (one writer on SQLite, a few on PostgreSQL). Nobody is answered before their support
/// is committed, and a batch that fails is retried one support at a time, so one bad row fails only itself.
/// </summary>
public sealed class SupportBatches(IServiceScopeFactory scopes, WriteGate gate, ILogger<SupportBatches> log)
{
    /// <summary>Enough to share a commit widely, small enough that a batch is over in tens of milliseconds.</summary>
    private const int MostInABatch = 256;

    private readonly Lock sync = new();
    private readonly Queue<PendingSupport> queued = new();
    private int writing;

    /// <summary>Queues the support and answers once it is committed. Once queued, it is written even if the
    /// person stops waiting.</summary>
    public Task<SupportWritten> WriteAsync(PendingSupport support)
    {
        lock (sync)
        {
            queued.Enqueue(support);
            if (writing < gate.Writers)
            {
                writing++;
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
                    writing--;
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
        var written = new SupportWritten[batch.Count];
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            // Batches written side by side (on PostgreSQL) lock requests in the same order, so never deadlock.
            foreach (var i in Enumerable.Range(0, batch.Count).OrderBy(i => batch[i].RequestId))
            {
                written[i] = await WriteAsync(db, batch[i]);
            }
            await transaction.CommitAsync();
        }
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(written[i]);
        }
    }

    /// <summary>The row, the follow that comes with a new support, and the count, which moves with the row.</summary>
    private static async Task<SupportWritten> WriteAsync(AppDbContext db, PendingSupport support)
    {
        var (requestId, userId, use, at) = (support.RequestId, support.UserId, support.Use, support.At);
        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Supports" ("RequestId", "UserId", "Use", "Sector", "CreatedAt") VALUES ({requestId}, {userId}, {use}, {support.Sector}, {at})
            ON CONFLICT ("RequestId", "UserId") DO NOTHING
            """) == 1;
        if (added)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Follows" ("TargetType", "TargetId", "UserId", "CreatedAt") VALUES ({DatasetRequestsModule.ItemType}, {requestId}, {userId}, {at})
                ON CONFLICT ("TargetType", "TargetId", "UserId") DO NOTHING
                """);
        }
        else if (use is not null)
        {
            await db.Supports.Where(s => s.RequestId == requestId && s.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Use, use));
        }
        return new SupportWritten(added, await Supporting.CountAsync(db, requestId, added ? 1 : 0, CancellationToken.None));
    }
}
