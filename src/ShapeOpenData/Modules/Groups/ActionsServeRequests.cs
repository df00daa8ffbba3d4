using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// Actions and the dataset requests they serve, as links in the chains from input to outcome: the action leads to
/// the request, which may go on to the dataset that answered it. Linked when the action was recorded.
/// </summary>
internal sealed class ActionsServeRequests(AppDbContext db) : IKeptLinks
{
    public async Task<IReadOnlyList<TraceLink>> AllAsync(CancellationToken cancellationToken) => await LinksAsync(db.ActionRequests, cancellationToken);

    public async Task<IReadOnlyList<TraceLink>> OfAsync(ItemRef item, CancellationToken cancellationToken) => item.Type switch
    {
        ItemTypes.Action => await LinksAsync(db.ActionRequests.Where(l => l.ActionId == item.Id), cancellationToken),
        ItemTypes.Request => await LinksAsync(db.ActionRequests.Where(l => l.RequestId == item.Id), cancellationToken),
        _ => [],
    };

    private async Task<List<TraceLink>> LinksAsync(IQueryable<ActionRequest> links, CancellationToken cancellationToken) =>
        [.. (await (from link in links
                    join action in db.GroupActions on link.ActionId equals action.Id
                    orderby link.ActionId, link.RequestId
                    select new { link.ActionId, link.RequestId, action.CreatedAt })
                .ToListAsync(cancellationToken))
            .Select(l => new TraceLink(new ItemRef(ItemTypes.Action, l.ActionId), new ItemRef(ItemTypes.Request, l.RequestId), "Action serves this request", l.CreatedAt))];
}
