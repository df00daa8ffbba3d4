using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <param name="Query">Words that must each appear in the title, description or keywords.</param>
/// <param name="Publisher">An organisation's slug.</param>
/// <param name="Format">A distribution format, like CSV.</param>
/// <param name="Openness">At least this level.</param>
public sealed record DatasetFilter(
    string? Query = null, string? Publisher = null, Theme? Theme = null, string? Format = null, Openness? Openness = null,
    DatasetSort Sort = DatasetSort.RecentlyUpdated, bool IncludeWithdrawn = false, string? Keyword = null);

public sealed record DatasetSummary(
    int Id, string Slug, string Title, string Description, string PublisherName, string PublisherSlug, Openness Openness,
    DateTime? ModifiedAt, bool IsWithdrawn)
{
    public IReadOnlyList<string> Formats { get; init; } = [];
}

public enum DatasetSort
{
    [Display(Name = "Recently updated")] RecentlyUpdated,
    [Display(Name = "Title A to Z")] Title,
    [Display(Name = "Most open first")] MostOpen,
}

/// <summary>The catalogue as the list page, the API and the CKAN-compatible API search it.</summary>
public sealed class DatasetQueries(AppDbContext db)
{
    public IQueryable<Dataset> Filter(DatasetFilter filter)
    {
        var datasets = db.Datasets.AsNoTracking();
        if (!filter.IncludeWithdrawn)
        {
            datasets = datasets.Where(d => d.WithdrawnAt == null);
        }
        foreach (var word in Words(filter.Query))
        {
            datasets = datasets.Where(d => d.SearchText.Contains(word));
        }
        if (filter.Publisher is { } publisher)
        {
            datasets = datasets.Where(d => d.Organisation!.Slug == publisher);
        }
        if (filter.Theme is { } theme)
        {
            datasets = datasets.Where(d => d.Themes.Any(t => t.Theme == theme));
        }
        if (filter.Format is { } format)
        {
            var upper = format.Trim().ToUpperInvariant();
            datasets = datasets.Where(d => d.Distributions.Any(x => x.Format == upper));
        }
        if (filter.Openness is { } openness)
        {
            datasets = datasets.Where(d => d.Openness >= openness);
        }
        if (filter.Keyword is { } keyword)
        {
            var lower = keyword.ToLowerInvariant();
            datasets = datasets.Where(d => d.SearchText.Contains(lower));
        }
        return filter.Sort switch
        {
            DatasetSort.Title => datasets.OrderBy(d => d.Title).ThenBy(d => d.Id),
            DatasetSort.MostOpen => datasets.OrderByDescending(d => d.Openness).ThenBy(d => d.Title),
            // A dataset its source gives no date counts as modified when imported, the same in every database.
            _ => datasets.OrderByDescending(d => d.ModifiedAt ?? d.ImportedAt).ThenByDescending(d => d.Id),
        };
    }

    public async Task<Paged<DatasetSummary>> ListAsync(DatasetFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var paged = await Paging.PageAsync(Filter(filter).Select(d => new DatasetSummary(
            d.Id, d.Slug, d.Title, d.Description, d.Organisation!.Name, d.Organisation.Slug, d.Openness, d.ModifiedAt, d.WithdrawnAt != null)),
            page, pageSize, cancellationToken);
        var ids = paged.Items.Select(d => d.Id).ToList();
        var formats = (await db.Distributions.Where(x => ids.Contains(x.DatasetId)).Select(x => new { x.DatasetId, x.Format }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(x => x.DatasetId, x => x.Format);
        return paged with { Items = [.. paged.Items.Select(d => d with { Formats = [.. formats[d.Id].Where(f => f.Length > 0).Order()] })] };
    }

    /// <summary>Every format in the catalogue, most used first, for the filter.</summary>
    public Task<List<string>> FormatsAsync(CancellationToken cancellationToken) =>
        db.Distributions.Where(d => d.Format != "").GroupBy(d => d.Format).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).Take(40).ToListAsync(cancellationToken);

    /// <summary>Publishers that have datasets, for the filter.</summary>
    public async Task<List<(string Slug, string Name)>> PublishersAsync(CancellationToken cancellationToken) =>
        [.. (await db.Organisations.Where(o => db.Datasets.Any(d => d.OrganisationId == o.Id && d.WithdrawnAt == null)).OrderBy(o => o.Name)
            .Select(o => new { o.Slug, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Slug, o.Name))];

    private static IEnumerable<string> Words(string? query) =>
        (query ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10);
}
