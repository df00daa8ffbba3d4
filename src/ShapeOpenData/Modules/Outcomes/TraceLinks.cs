using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes;

/// <summary>
/// Every link between inputs and outcomes: those people made here, and those the modules keep as part of their own work
/// (a request released as a dataset, an action serving a request, a commitment's milestones). Where both say the same
/// link, the one people made (with its reason) is kept.
/// </summary>
public sealed class TraceLinks(AppDbContext db, IEnumerable<IKeptLinks> kept)
{
    public async Task<IReadOnlyList<TraceLink>> AllAsync(CancellationToken cancellationToken)
    {
        var made = await db.OutcomeLinks.AsNoTracking().OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var links = made.Select(l => l.ToTrace()).ToList();
        foreach (var source in kept)
        {
            links.AddRange(await source.AllAsync(cancellationToken));
        }
        return Distinct(links);
    }

    /// <summary>The links made here to or from <paramref name="item"/>, newest first, with their ids (to remove one).</summary>
    public async Task<IReadOnlyList<OutcomeLink>> MadeOfAsync(ItemRef item, CancellationToken cancellationToken) =>
        await db.OutcomeLinks.AsNoTracking()
            .Where(l => (l.InputType == item.Type && l.InputId == item.Id) || (l.OutcomeType == item.Type && l.OutcomeId == item.Id))
            .OrderByDescending(l => l.LinkedAt).ThenByDescending(l => l.Id).ToListAsync(cancellationToken);

    private static List<TraceLink> Distinct(IEnumerable<TraceLink> links) =>
        [.. links.DistinctBy(l => (l.Input, l.Outcome))];
}
