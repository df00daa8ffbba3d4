using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates;

/// <summary>Policy updates in the site search, by title, summary, body and tags, under their organisation. Every update is public.</summary>
internal sealed class UpdateSearch : ISearchSource
{
    public string Type => ItemTypes.Update;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        [.. (await db.PolicyUpdates.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.Slug, u.Title, u.Summary, u.Body, Tags = u.Tags.Select(t => t.Tag).ToList(), u.OrganisationId, u.PublishedAt })
                .ToListAsync(cancellationToken))
            .Select(u => new SearchText(u.Id, u.Title, $"{u.Summary}\n{u.Body}\n{string.Join(' ', u.Tags)}", UpdateWorkflow.UrlOf(u.Slug), u.OrganisationId, u.PublishedAt))];

    public IQueryable<int> PublicIds(AppDbContext db) => db.PolicyUpdates.Select(u => u.Id);
}

public sealed partial class PolicyUpdate : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Update, Id)];
}
