using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>Commitments in the site search, by title, reference and description, under their lead organisation.</summary>
internal sealed class CommitmentSearch : ISearchSource
{
    public string Type => ItemTypes.Commitment;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        [.. (await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.Title, c.Reference, c.Description, c.LeadOrganisationId, c.CreatedAt })
                .ToListAsync(cancellationToken))
            .Select(c => new SearchText(c.Id, c.Title, c.Reference + "\n" + c.Description, CommitmentWorkflow.UrlOf(c.Reference), c.LeadOrganisationId, c.CreatedAt))];

    public IQueryable<int> PublicIds(AppDbContext db) => db.Commitments.Select(c => c.Id);
}

public sealed partial class Commitment : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Commitment, Id)];
}
