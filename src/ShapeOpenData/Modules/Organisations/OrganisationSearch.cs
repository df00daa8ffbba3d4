using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>Organisations in the site search, by name and abbreviation; each belongs to itself for the organisation filter.</summary>
internal sealed class OrganisationSearch : ISearchSource
{
    public string Type => ItemTypes.Organisation;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new SearchText(o.Id, o.Name, o.Abbreviation ?? "", "/organisations/" + o.Slug, o.Id, null))
            .ToListAsync(cancellationToken);

    public IQueryable<int> PublicIds(AppDbContext db) => db.Organisations.Select(o => o.Id);
}

public sealed partial class Organisation : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Organisation, Id)];
}
