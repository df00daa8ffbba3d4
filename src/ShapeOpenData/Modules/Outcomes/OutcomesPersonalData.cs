using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Outcomes;

/// <summary>
/// The links a person made between what was asked and what was done. They are part of the public record of outcomes, so
/// erasing the account keeps them, made by a former participant.
/// </summary>
internal sealed class OutcomesPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "outcomes";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        LinksMade = await db.OutcomeLinks.AsNoTracking().Where(l => l.LinkedById == userId).OrderBy(l => l.Id)
            .Select(l => new { l.InputType, l.InputId, l.OutcomeType, l.OutcomeId, l.Reason, l.LinkedAt }).ToListAsync(cancellationToken),
    };

    public Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken) => Task.CompletedTask;
}
