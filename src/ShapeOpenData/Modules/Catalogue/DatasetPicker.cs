using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Catalogue;

public sealed record DatasetChoice(int Id, string Slug, string Title, string Publisher);

/// <summary>Finds the dataset someone means from what they typed: its address name, its title, or words from it.</summary>
public sealed class DatasetPicker(AppDbContext db, DatasetQueries queries)
{
    public const int MaxCandidates = 10;

    /// <returns>The one dataset meant, or none and the candidates to choose from (empty when nothing matches).</returns>
    public async Task<(DatasetChoice? Match, IReadOnlyList<DatasetChoice> Candidates)> FindAsync(string typed, CancellationToken cancellationToken)
    {
        var text = typed.Trim();
        var lower = text.ToLowerInvariant();
        var exact = await Choices(db.Datasets.Where(d => d.WithdrawnAt == null && d.Slug == lower)).ToListAsync(cancellationToken);
        if (exact.Count == 0)
        {
            // Titles are compared in lower case through the search text, which starts with the title.
            exact = [.. (await Choices(queries.Filter(new DatasetFilter(text))).Take(50).ToListAsync(cancellationToken))
                .Where(c => string.Equals(c.Title, text, StringComparison.OrdinalIgnoreCase))];
        }
        if (exact.Count == 1)
        {
            return (exact[0], []);
        }
        var candidates = exact.Count > 1 ? exact : await Choices(queries.Filter(new DatasetFilter(text, Sort: DatasetSort.Title))).Take(MaxCandidates).ToListAsync(cancellationToken);
        return candidates.Count == 1 ? (candidates[0], []) : (null, candidates);
    }

    /// <summary>The dataset with this slug, if it is in the catalogue and not withdrawn.</summary>
    public Task<DatasetChoice?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        Choices(db.Datasets.Where(d => d.WithdrawnAt == null && d.Slug == slug)).SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<DatasetChoice> Choices(IQueryable<Dataset> datasets) =>
        datasets.Select(d => new DatasetChoice(d.Id, d.Slug, d.Title, d.Organisation!.Name));
}
