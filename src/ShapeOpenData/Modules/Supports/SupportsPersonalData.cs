using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Supports;

/// <summary>Every support a person gave, whatever kind of item it is on.</summary>
internal sealed class SupportsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "supports";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) =>
        await db.Supports.Where(s => s.UserId == userId).OrderBy(s => s.Id)
            .Select(s => new { Item = s.TargetType, ItemId = s.TargetId, s.Use, Sector = s.Sector.HasValue ? s.Sector.Value.ToCode() : null, s.CreatedAt })
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The support still counts (items keep their counts, and the sector mix its figures), from a former participant;
    /// the sentence they wrote about their use goes.
    /// </summary>
    public Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken) =>
        db.Supports.Where(s => s.UserId == person.UserId && s.Use != null)
            .ExecuteUpdateAsync(s => s.SetProperty(support => support.Use, (string?)null), cancellationToken);
}
