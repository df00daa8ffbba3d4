using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <param name="Done">Records read so far.</param>
/// <param name="Total">Records the source says it has.</param>
public sealed record ImportProgress(int Done, int Total);

/// <param name="RequestsLinked">Items other modules changed in reaction (requests answered by a dataset now in the catalogue).</param>
/// <param name="Complete">Every record the source has was read, so datasets missing from it were withdrawn.</param>
public sealed record ImportSummary(
    string Source, int Read, int Added, int Updated, int Withdrawn, int RequestsLinked, bool Complete, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Brings CKAN datasets into the catalogue: matched by source id so that importing again updates and never
/// duplicates, publishers matched to our organisations by name or added, datasets missing from a complete
/// read of their source marked withdrawn, and requests answered with a dataset's landing page linked to it.
/// Each page of records is saved on its own, so a failure late in a long import keeps what came before.
/// </summary>
public sealed class CatalogueImporter(AppDbContext db, TimeProvider clock, DomainEvents events)
{
    public async Task<ImportSummary> ImportAsync(
        IAsyncEnumerable<CkanPage> pages, string fallbackSource, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var organisations = await OrganisationMatcher.LoadAsync(db, cancellationToken);
        var slugs = (await db.Datasets.Select(d => d.Slug).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var leftOut = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<ImportProblem>();
        string? source = null;
        int read = 0, total = 0, added = 0, updated = 0;

        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            source ??= page.Source ?? fallbackSource;
            total = page.Count;
            read += page.Read;
            problems.AddRange(page.Problems);
            leftOut.UnionWith(page.LeftOut);
            var fresh = page.Datasets.Where(d => seen.Add(d.SourceId)).ToList();
            var ids = fresh.Select(d => d.SourceId).ToList();
            var existing = await db.Datasets.Include(d => d.Distributions).Include(d => d.Themes).AsSplitQuery()
                .Where(d => ids.Contains(d.SourceId)).ToDictionaryAsync(d => d.SourceId, cancellationToken);
            // A page's new publishers (saved first, for their ids) and its datasets are kept together, or neither.
            var (pageAdded, pageUpdated) = await db.InOneTransactionAsync(async () =>
            {
                await organisations.EnsureAsync(db, fresh, cancellationToken);
                var now = clock.UtcNow();
                int pageAdded = 0, pageUpdated = 0;
                foreach (var metadata in fresh)
                {
                    var organisationId = organisations.IdOf(metadata);
                    if (existing.TryGetValue(metadata.SourceId, out var dataset))
                    {
                        dataset.Update(metadata, organisationId, source, now);
                        pageUpdated++;
                    }
                    else
                    {
                        db.Datasets.Add(Dataset.Import(UniqueSlug(metadata.Name, slugs), metadata, organisationId, source, now));
                        pageAdded++;
                    }
                }
                await db.SaveChangesAsync(cancellationToken);
                return (pageAdded, pageUpdated);
            }, cancellationToken);
            (added, updated) = (added + pageAdded, updated + pageUpdated);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress(read, Math.Max(total, read)));
        }

        source ??= fallbackSource;
        var complete = read >= total;
        // A record the source lists but that could not be used is reported, not taken as gone.
        seen.UnionWith(leftOut);
        var withdrawn = complete ? await WithdrawMissingAsync(source, seen, cancellationToken) : 0;
        var linked = await events.RaiseAsync(new CatalogueImported(source), cancellationToken);
        return new ImportSummary(source, read, added, updated, withdrawn, linked, complete, problems);
    }

    /// <summary>Datasets the source no longer lists. Only from a complete read: a partial one proves nothing is gone.</summary>
    private async Task<int> WithdrawMissingAsync(string source, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var listed = await db.Datasets.Where(d => d.Source == source && d.WithdrawnAt == null).Select(d => d.SourceId).ToListAsync(cancellationToken);
        var gone = listed.Where(id => !seen.Contains(id)).ToList();
        var missing = await db.Datasets.Where(d => gone.Contains(d.SourceId)).ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        missing.ForEach(d => d.Withdraw(now));
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    private static string UniqueSlug(string name, HashSet<string> taken)
    {
        var slug = name.Length > Slugs.MaxLength - 4 ? name[..(Slugs.MaxLength - 4)] : name;
        for (var n = 2; !taken.Add(slug); n++)
        {
            slug = $"{name[..Math.Min(name.Length, Slugs.MaxLength - 4)]}-{n}";
        }
        return slug;
    }

    /// <summary>Our organisations by slug and by name; a publisher we do not know is added.</summary>
    private sealed class OrganisationMatcher
    {
        private readonly Dictionary<string, Organisation> _bySlug;
        private readonly Dictionary<string, Organisation> _byName;

        private OrganisationMatcher(List<Organisation> all)
        {
            _bySlug = all.ToDictionary(o => o.Slug, StringComparer.OrdinalIgnoreCase);
            _byName = all.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        }

        public static async Task<OrganisationMatcher> LoadAsync(AppDbContext db, CancellationToken cancellationToken) =>
            new(await db.Organisations.AsNoTracking().ToListAsync(cancellationToken));

        /// <summary>Makes sure every publisher on the page is one of ours, adding those we do not know.</summary>
        public async Task EnsureAsync(AppDbContext db, IEnumerable<DatasetMetadata> datasets, CancellationToken cancellationToken)
        {
            var added = new List<Organisation>();
            foreach (var dataset in datasets.Where(d => Find(d) is null))
            {
                var slug = Slugs.IsValid(dataset.OrganisationName) ? dataset.OrganisationName : SlugFrom(dataset.OrganisationTitle);
                var title = dataset.OrganisationTitle;
                var organisation = new Organisation { Slug = slug, Name = title.Length > 200 ? title[..200] : title, Kind = OrganisationKind.Other };
                _bySlug[dataset.OrganisationName] = _bySlug[slug] = _byName[organisation.Name] = organisation;
                added.Add(organisation);
            }
            if (added.Count > 0)
            {
                db.Organisations.AddRange(added);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        public int IdOf(DatasetMetadata dataset) => Find(dataset)!.Id;

        private Organisation? Find(DatasetMetadata dataset) =>
            _bySlug.TryGetValue(dataset.OrganisationName, out var found) || _byName.TryGetValue(dataset.OrganisationTitle, out found) ? found : null;

        private static string SlugFrom(string title)
        {
            var slug = new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
            while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
            slug = slug.Trim('-');
            return slug.Length > Slugs.MaxLength ? slug[..Slugs.MaxLength] : slug;
        }
    }
}
