using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <param name="Supported">Whether the person supports the request now.</param>
/// <param name="Changed">False when nothing changed (supporting twice, or withdrawing what was not there).</param>
/// <param name="SupportCount">The request's support count after the change.</param>
public sealed record SupportResult(bool Supported, bool Changed, int SupportCount);

/// <summary>
/// "I need this too" and taking it back. The unique index on (request, person) decides, however many
/// arrive at once; the count moves in the same transaction as the row, so it always equals the rows.
/// A new support also follows the request; supporting again does not undo an unfollow. Supports are written
/// in shared transactions by <see cref="SupportBatches"/>.
/// </summary>
public sealed class Supporting(AppDbContext db, WriteGate gate, SupportBatches batches, TimeProvider clock, TitleIndex titles)
{
    public const int UseMaxLength = 280;

    public async Task<SupportResult> SupportAsync(int requestId, ClaimsPrincipal user, string? use, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId() ?? throw new RequestForbiddenException();
        var request = await db.DatasetRequests.Where(r => r.Id == requestId)
            .Select(r => new { r.State, r.IsConfidential, r.RequesterId, r.OrganisationId, r.AssignedPublisherId })
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null || (request.IsConfidential && !DatasetRequestPermissions.SeesConfidential(user, request.RequesterId, request.OrganisationId, request.AssignedPublisherId)))
        {
            throw new RequestNotFoundException(requestId);
        }
        if (request.State == RequestState.Closed)
        {
            throw new RequestRuleException("This request is closed, so it can no longer be supported");
        }
        use = string.IsNullOrWhiteSpace(use) ? null : use.Trim();
        if (use?.Length > UseMaxLength)
        {
            throw new RequestRuleException($"Say how you would use it in {UseMaxLength} characters or fewer");
        }

        var written = await batches.WriteAsync(new PendingSupport(requestId, userId, use, user.Sector()?.ToCode(), clock.UtcNow()));
        titles.SupportCountChanged(requestId, written.SupportCount);
        return new SupportResult(true, written.Added, written.SupportCount);
    }

    public async Task<SupportResult> WithdrawAsync(int requestId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId() ?? throw new RequestForbiddenException();
        var request = await db.DatasetRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !DatasetRequestPermissions.CanView(user, request))
        {
            throw new RequestNotFoundException(requestId);
        }
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Supports.Where(s => s.RequestId == requestId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var count = await CountAsync(requestId, -removed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        titles.SupportCountChanged(requestId, count);
        return new SupportResult(false, removed == 1, count);
    }

    /// <summary>Moves the count by <paramref name="change"/> and returns it, in one statement.</summary>
    private async Task<int> CountAsync(int requestId, int change, CancellationToken cancellationToken) => change == 0
        ? await db.DatasetRequests.Where(r => r.Id == requestId).Select(r => r.SupportCount).SingleAsync(cancellationToken)
        : (await db.Database.SqlQuery<int>($"""
            UPDATE "DatasetRequests" SET "SupportCount" = "SupportCount" + {change} WHERE "Id" = {requestId} RETURNING "SupportCount" AS "Value"
            """).ToListAsync(cancellationToken)).Single();
}
