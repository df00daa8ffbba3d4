using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Requests answered with a catalogue dataset, as links in the chains from input to outcome: the request led to the
/// dataset from when it was closed. Reopening a request clears its dataset, and so the link.
/// </summary>
internal sealed class ReleasedAsDatasets(AppDbContext db) : IKeptLinks
{
    public async Task<IReadOnlyList<TraceLink>> AllAsync(CancellationToken cancellationToken) => await LinksAsync(Answered(), cancellationToken);

    public async Task<IReadOnlyList<TraceLink>> OfAsync(ItemRef item, CancellationToken cancellationToken) => item.Type switch
    {
        ItemTypes.Request => await LinksAsync(Answered().Where(r => r.Id == item.Id), cancellationToken),
        ItemTypes.Dataset => await LinksAsync(Answered().Where(r => r.DatasetId == item.Id), cancellationToken),
        _ => [],
    };

    private IQueryable<DatasetRequest> Answered() =>
        db.DatasetRequests.AsNoTracking().Where(r => r.DatasetId != null && (r.Outcome == Outcome.Released || r.Outcome == Outcome.AlreadyAvailable));

    private static async Task<List<TraceLink>> LinksAsync(IQueryable<DatasetRequest> requests, CancellationToken cancellationToken) =>
        [.. (await requests.OrderBy(r => r.Id).Select(r => new { r.Id, DatasetId = r.DatasetId!.Value, r.Outcome, r.ClosedAt }).ToListAsync(cancellationToken))
            .Select(r => new TraceLink(new ItemRef(ItemTypes.Request, r.Id), new ItemRef(ItemTypes.Dataset, r.DatasetId),
                r.Outcome == Outcome.Released ? "Released as this dataset" : "Already available as this dataset", r.ClosedAt))];
}
