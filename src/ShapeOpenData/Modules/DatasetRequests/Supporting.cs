using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <param name="Supported">Whether the person supports the request now.</param>
/// <param name="Changed">False when nothing changed (supporting twice, or withdrawing what was not there).</param>
/// <param name="SupportCount">The request's support count after the change.</param>
public sealed record SupportResult(bool Supported, bool Changed, int SupportCount);

/// <summary>
/// "I need this too" and taking it back. The unique index on (request, person) decides, however many
/// arrive at once; the count moves in the same transaction as the row, so it always equals the rows.
/// Supporting also follows the request.
/// </summary>
public sealed class Supporting(AppDbContext db, TimeProvider clock)
{
    public const int UseMaxLength = 280;

    public async Task<SupportResult> SupportAsync(int requestId, ClaimsPrincipal user, string? use, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId() ?? throw new RequestForbiddenException();
        var request = await db.DatasetRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !DatasetRequestPermissions.CanView(user, request))
        {
            throw new RequestNotFoundException(requestId);
        }
        if (!request.IsOpen)
        {
            throw new RequestRuleException("This request is closed, so it can no longer be supported");
        }
        use = string.IsNullOrWhiteSpace(use) ? null : use.Trim();
        if (use?.Length > UseMaxLength)
        {
            throw new RequestRuleException($"Say how you would use it in {UseMaxLength} characters or fewer");
        }

        var now = clock.UtcNow();
        var sector = user.Sector()?.ToCode();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Supports" ("RequestId", "UserId", "Use", "Sector", "CreatedAt") VALUES ({requestId}, {userId}, {use}, {sector}, {now})
            ON CONFLICT ("RequestId", "UserId") DO NOTHING
            """, cancellationToken);
        if (added == 1)
        {
            await db.DatasetRequests.Where(r => r.Id == requestId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SupportCount, r => r.SupportCount + 1), cancellationToken);
        }
        else if (use is not null)
        {
            await db.Supports.Where(s => s.RequestId == requestId && s.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Use, use), cancellationToken);
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Follows" ("TargetType", "TargetId", "UserId", "CreatedAt") VALUES ({DatasetRequestsModule.ItemType}, {requestId}, {userId}, {now})
            ON CONFLICT ("TargetType", "TargetId", "UserId") DO NOTHING
            """, cancellationToken);
        var count = await CountAsync(requestId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SupportResult(true, added == 1, count);
    }

    public async Task<SupportResult> WithdrawAsync(int requestId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId() ?? throw new RequestForbiddenException();
        var request = await db.DatasetRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !DatasetRequestPermissions.CanView(user, request))
        {
            throw new RequestNotFoundException(requestId);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Supports.Where(s => s.RequestId == requestId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
        {
            await db.DatasetRequests.Where(r => r.Id == requestId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SupportCount, r => r.SupportCount - 1), cancellationToken);
        }
        var count = await CountAsync(requestId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SupportResult(false, removed == 1, count);
    }

    private Task<int> CountAsync(int requestId, CancellationToken cancellationToken) =>
        db.DatasetRequests.Where(r => r.Id == requestId).Select(r => r.SupportCount).SingleAsync(cancellationToken);
}
