using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>Requests in the site search: public ones only (never confidential, hidden or held), by title and description.</summary>
internal sealed class RequestSearch : ISearchSource
{
    public string Type => ItemTypes.Request;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await Public(db).Where(r => ids.Contains(r.Id))
            .Select(r => new SearchText(r.Id, r.Title, r.Description, "/requests/" + r.Id, r.OrganisationId, r.CreatedAt))
            .ToListAsync(cancellationToken);

    public IQueryable<int> PublicIds(AppDbContext db) => Public(db).Select(r => r.Id);

    private static IQueryable<DatasetRequest> Public(AppDbContext db) =>
        db.DatasetRequests.AsNoTracking().Where(DatasetRequestPermissions.VisibleTo(new ClaimsPrincipal()));
}

public sealed partial class DatasetRequest : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Request, Id)];
}
