using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Every open, public request's title, held in memory so "is your request one of these?" can answer while
/// someone types, over hundreds of thousands of requests, without asking the database. It is rebuilt in the
/// background every few minutes (sooner after many changes) and catches up with changed requests four times a
/// second, whichever instance made them. Support counts move at once on the instance that took the support, and
/// at the next rebuild on the others: they only order and decorate suggestions.
/// </summary>
public sealed class TitleIndex(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TitleIndex> log) : BackgroundService
{
    private static readonly TimeSpan RebuildEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CatchUpEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>A change is stamped before its transaction commits; reading from a little before the last read
    /// catches one that committed late.</summary>
    private static readonly TimeSpan CommitMargin = TimeSpan.FromSeconds(5);

    /// <summary>More changed requests than this since the last build, and it is rebuilt early.</summary>
    private const int RebuildAfterChanges = 1_000;

    private readonly SemaphoreSlim rebuildSoon = new(0, 1);
    private readonly SemaphoreSlim catchingUp = new(1, 1);
    private volatile TitleSnapshot? current;
    private DateTime changedSince;

    /// <summary>The latest build with the changes caught up since, or null before the first build.</summary>
    public TitleSnapshot? Current => current;

    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        var takenAt = clock.UtcNow() - CommitMargin;
        var requests = await ReadAsync(SimilarRequests.Suggestable, cancellationToken);
        await catchingUp.WaitAsync(cancellationToken);
        try
        {
            current = new TitleSnapshot(requests.Select(r => r.Request));
            changedSince = takenAt;
        }
        finally
        {
            catchingUp.Release();
        }
        await CatchUpAsync(cancellationToken);
    }

    /// <summary>Reads the requests changed since the last read, and puts them in the index.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await catchingUp.WaitAsync(cancellationToken);
        try
        {
            if (current is not { } snapshot) return;
            var readAt = clock.UtcNow();
            var since = changedSince;
            foreach (var (request, suggestable) in await ReadAsync(r => r.UpdatedAt >= since, cancellationToken))
            {
                snapshot.Put(request.Id, suggestable ? request : null);
            }
            changedSince = readAt - CommitMargin;
            if (snapshot.ChangedCount > RebuildAfterChanges) RebuildSoon();
        }
        finally
        {
            catchingUp.Release();
        }
    }

    /// <summary>A support was given or taken back here: the new count orders suggestions straight away.</summary>
    public void SupportCountChanged(int requestId, int supportCount) => current?.SetSupportCount(requestId, supportCount);

    /// <summary>Asks for a build now rather than at the next interval.</summary>
    public void RebuildSoon()
    {
        if (rebuildSoon.CurrentCount == 0)
        {
            try { rebuildSoon.Release(); } catch (SemaphoreFullException) { }
        }
    }

    private async Task<List<(IndexedRequest Request, bool Suggestable)>> ReadAsync(
        Expression<Func<DatasetRequest, bool>> which, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.DatasetRequests.AsNoTracking().Where(which)
            .Select(r => new
            {
                r.Id, r.Title, r.SupportCount,
                OrganisationName = r.Organisation == null ? null : r.Organisation.Name,
                // SimilarRequests.Suggestable, inside a projection
                Suggestable = r.State != RequestState.Closed && !r.IsConfidential && r.Moderation.HiddenAt == null && !r.Moderation.AwaitingApproval,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (new IndexedRequest(r.Id, r.Title, r.OrganisationName, r.SupportCount), r.Suggestable))];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first build takes a second or two at national scale: the service starts without waiting for it.
        await Task.Yield();
        var rebuiltAt = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.UtcNow() - rebuiltAt >= RebuildEvery || rebuildSoon.Wait(0, CancellationToken.None))
                {
                    rebuiltAt = clock.UtcNow();
                    await RebuildAsync(stoppingToken);
                }
                else
                {
                    await CatchUpAsync(stoppingToken);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Suggestions carry on from what the index has (or the database, before the first build).
                log.LogError(failure, "Keeping the title index up to date failed");
            }
            try
            {
                await Task.Delay(CatchUpEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        rebuildSoon.Dispose();
        catchingUp.Dispose();
        base.Dispose();
    }
}
