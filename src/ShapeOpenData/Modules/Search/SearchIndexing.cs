using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Search;

/// <summary>
/// Keeps the search documents in step with the items, in the same transaction as the change that touched them
/// (CONVENTIONS rule 16): the change is saved, each touched item's module says what the public may now see of
/// it, and its document is written, replaced or removed before the transaction commits. So a change is found
/// (or no longer found) the moment it is acknowledged, by every instance.
/// </summary>
public static class SearchIndexing
{
    /// <summary>Saves the context's changes with the search documents they touch, as one unit of work.</summary>
    public static async Task<int> SaveAsync(AppDbContext db, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        var touched = Touched(db);
        var sources = touched.Count == 0 ? [] : Sources(db);
        if (sources.Count == 0)
        {
            return await save(cancellationToken);
        }
        return await db.InOneTransactionAsync(async () =>
        {
            var saved = await save(cancellationToken);
            // Ids are read after the save: new items have theirs only now.
            var items = touched.SelectMany(e => e.SearchItems).Where(i => i.Id > 0).Distinct().ToList();
            await WriteAsync(db, sources, items, cancellationToken);
            return saved + await save(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Writes the documents of <paramref name="items"/> as their modules give them now, without saving.</summary>
    public static async Task WriteAsync(AppDbContext db, IReadOnlyList<ISearchSource> sources, IReadOnlyCollection<ItemRef> items, CancellationToken cancellationToken)
    {
        var all = new HashSet<ItemRef>(items);
        foreach (var kind in items.GroupBy(i => i.Type))
        {
            if (sources.FirstOrDefault(s => s.Type == kind.Key) is { } source)
            {
                all.UnionWith(await source.DependentsAsync(db, [.. kind.Select(i => i.Id)], cancellationToken));
            }
        }
        foreach (var kind in all.GroupBy(i => i.Type))
        {
            if (sources.FirstOrDefault(s => s.Type == kind.Key) is not { } source)
            {
                continue;
            }
            var ids = kind.Select(i => i.Id).ToList();
            var texts = (await source.PublicAsync(db, ids, cancellationToken)).ToDictionary(t => t.Id);
            var documents = await db.SearchDocuments.Where(d => d.Type == kind.Key && ids.Contains(d.ItemId)).ToDictionaryAsync(d => d.ItemId, cancellationToken);
            foreach (var id in ids)
            {
                switch ((texts.GetValueOrDefault(id), documents.GetValueOrDefault(id)))
                {
                    case ({ } text, { } document): document.Update(text); break;
                    case ({ } text, null): db.SearchDocuments.Add(SearchDocument.For(kind.Key, text)); break;
                    case (null, { } document): db.SearchDocuments.Remove(document); break;
                }
            }
        }
    }

    /// <summary>Every module's searchable kind, from the application's services (none when the context was made without them, as migrations make it).</summary>
    public static IReadOnlyList<ISearchSource> Sources(AppDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetService<IEnumerable<ISearchSource>>()?.ToList() ?? [];

    private static List<ISearchIndexed> Touched(AppDbContext db) =>
        [.. db.ChangeTracker.Entries<ISearchIndexed>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity)];
}
