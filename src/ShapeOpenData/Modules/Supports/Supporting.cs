using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Supports;

/// <param name="Supported">Whether the person supports the item now.</param>
/// <param name="Changed">False when nothing changed (supporting twice, or withdrawing what was not there).</param>
/// <param name="Count">The item's count after the change.</param>
public sealed record SupportResult(bool Supported, bool Changed, int Count);

/// <summary>
/// Supporting any item that opts in with an <see cref="ISupportable"/>, and taking it back. The unique index on
/// (type, item, person) decides, however many arrive at once; the item's count moves in the same transaction as
/// the row, so it always equals the rows. A new support also follows the item; supporting again does not undo an
/// unfollow. Supports are written in shared transactions by <see cref="SupportBatches"/>.
/// </summary>
public sealed class Supporting(
    AppDbContext db, IEnumerable<ISupportable> supportables, WriteGate gate, SupportBatches batches, TimeProvider clock)
{
    public async Task<SupportResult> SupportAsync(string type, int id, ClaimsPrincipal person, string? use, CancellationToken cancellationToken = default)
    {
        var userId = person.UserId() ?? throw new ForbiddenException("Sign in to support this");
        var supportable = Find(type);
        var item = await supportable.CheckAsync(id, person, cancellationToken) ?? throw new NotFoundException("There is no such item to support");
        if (item.Refusal is { } refusal)
        {
            throw new RuleException(refusal);
        }
        use = string.IsNullOrWhiteSpace(use) ? null : use.Trim();
        if (use?.Length > Support.UseMaxLength)
        {
            throw new FieldRuleException("use", $"Say how you would use it in {Support.UseMaxLength} characters or fewer");
        }

        var written = await batches.WriteAsync(new PendingSupport(type, id, userId, use, person.Sector()?.ToCode(), clock.UtcNow()));
        await supportable.SupportChangedAsync(new SupportChange(id, userId, true, written.Added, written.Count), cancellationToken);
        return new SupportResult(true, written.Added, written.Count);
    }

    public async Task<SupportResult> WithdrawAsync(string type, int id, ClaimsPrincipal person, CancellationToken cancellationToken = default)
    {
        var userId = person.UserId() ?? throw new ForbiddenException("Sign in to support this");
        var supportable = Find(type);
        _ = await supportable.CheckAsync(id, person, cancellationToken) ?? throw new NotFoundException("There is no such item to support");
        var counter = supportable.Counter.NamesIn(db);
        (bool Removed, int Count) change;
        using (await gate.EnterAsync(cancellationToken))
        {
            change = await db.InOneTransactionAsync(async () =>
            {
                var removed = await db.Supports.Where(s => s.TargetType == type && s.TargetId == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 1;
                var count = (await db.Database.SqlQueryRaw<int>(removed
                    ? $"UPDATE {counter.Table} SET {counter.Count} = {counter.Count} - 1 WHERE {counter.Key} = {{0}} RETURNING {counter.Count} AS \"Value\""
                    : $"SELECT {counter.Count} AS \"Value\" FROM {counter.Table} WHERE {counter.Key} = {{0}}", id)
                    .ToListAsync(cancellationToken)).Single();
                return (removed, count);
            }, cancellationToken);
        }
        await supportable.SupportChangedAsync(new SupportChange(id, userId, false, change.Removed, change.Count), cancellationToken);
        return new SupportResult(false, change.Removed, change.Count);
    }

    public Task<bool> IsSupportingAsync(int userId, string type, int id, CancellationToken cancellationToken = default) =>
        db.Supports.AnyAsync(s => s.TargetType == type && s.TargetId == id && s.UserId == userId, cancellationToken);

    private ISupportable Find(string type) =>
        supportables.FirstOrDefault(s => s.Type == type) ?? throw new InvalidOperationException($"Nothing of type {type} can be supported");
}

