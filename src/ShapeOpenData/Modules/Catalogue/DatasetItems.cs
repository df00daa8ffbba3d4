using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// Datasets as other modules reach them: linked by id (a request answered by one), found by what someone typed
/// (its address name, its landing page or its title) or by words. Withdrawn datasets keep their page, so links
/// to them still show; they are not found for new links. A chain shows when each was published, or withdrawn.
/// </summary>
public sealed class DatasetItems(AppDbContext db, DatasetQueries queries) : ITraceable, ISearchable
{
    private Dictionary<string, TracedItem>? _byLandingPage;

    public string Type => ItemTypes.Dataset;

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        [.. (await Rows(db.Datasets.Where(d => ids.Contains(d.Id))).ToListAsync(cancellationToken)).Select(Traced)];

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var current = db.Datasets.Where(d => d.WithdrawnAt == null);
        var slug = text.ToLowerInvariant();
        if (await Rows(current.Where(d => d.Slug == slug)).SingleOrDefaultAsync(cancellationToken) is { } bySlug)
        {
            return Traced(bySlug);
        }
        if (Uri.IsWellFormedUriString(text, UriKind.Absolute))
        {
            // Loaded once per unit of work: linking after an import looks up many addresses.
            _byLandingPage ??= (await current.Where(d => d.LandingPage != null)
                    .Select(d => new { Row = new Row(d.Id, d.Slug, d.Title, d.IssuedAt, d.WithdrawnAt), d.LandingPage })
                    .ToListAsync(cancellationToken))
                .GroupBy(d => SameAddress.Key(d.LandingPage!)).ToDictionary(g => g.Key, g => Traced(g.First().Row));
            return _byLandingPage.GetValueOrDefault(SameAddress.Key(text));
        }
        // Titles are compared in lower case through the search text, which starts with the title.
        var titled = (await Hits(queries.Filter(new DatasetFilter(text))).Take(50).ToListAsync(cancellationToken))
            .Where(h => string.Equals(h.Item.Title, text, StringComparison.OrdinalIgnoreCase)).ToList();
        return titled.Count == 1 ? (await PublicAsync([titled[0].Item.Id], cancellationToken)).Single() : null;
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string words, int limit, CancellationToken cancellationToken) =>
        await Hits(queries.Filter(new DatasetFilter(words.Trim(), Sort: DatasetSort.Title))).Take(limit).ToListAsync(cancellationToken);

    private sealed record Row(int Id, string Slug, string Title, DateTime? IssuedAt, DateTime? WithdrawnAt);

    private static IQueryable<Row> Rows(IQueryable<Dataset> datasets) => datasets.Select(d => new Row(d.Id, d.Slug, d.Title, d.IssuedAt, d.WithdrawnAt));

    /// <summary>Dates as the dataset's page gives them: "published 4 May 2026", or "withdrawn 3 March 2027" once it is.</summary>
    private static TracedItem Traced(Row d) => new(ItemTypes.Dataset, d.Id, d.Slug, d.Title, "/datasets/" + d.Slug,
        d.WithdrawnAt is { } withdrawn ? $"withdrawn {withdrawn:d MMMM yyyy}" : d.IssuedAt is { } issued ? $"published {issued:d MMMM yyyy}" : null);

    private static IQueryable<SearchHit> Hits(IQueryable<Dataset> datasets) =>
        datasets.Select(d => new SearchHit(new TracedItem(ItemTypes.Dataset, d.Id, d.Slug, d.Title, "/datasets/" + d.Slug), d.Organisation!.Name));
}
