using System.Security.Claims;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Groups.Pages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>On a request's page: the actions groups agreed that serve it, those the reader may see.</summary>
internal sealed class ActionsServingRequest(AppDbContext db, GroupAccess access, TimeProvider clock) : IPageSection
{
    public string Page => ItemTypes.Request;

    public async Task<PageSection?> ForAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var visibility = await access.VisibilityAsync(reader, cancellationToken);
        var actions = await ActionRows.QueryAsync(db,
            db.GroupActions.Where(visibility.Actions).Where(a => a.Requests.Any(r => r.RequestId == id)), cancellationToken);
        return actions.Count == 0 ? null
            : new PageSection("/Modules/Groups/Pages/_ActionsTable.cshtml", (Rows: (IReadOnlyList<ActionRows.Row>)actions, Today: clock.Today(), ShowGroup: true, Caption: "Actions agreed to meet this request"));
    }
}
