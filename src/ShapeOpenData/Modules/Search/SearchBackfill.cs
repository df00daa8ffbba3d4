using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Search;

/// <summary>
/// At every start, indexes the public items that have no document: what was there before the search existed, or
/// before a module opted in, or what was written in bulk. Otherwise every change keeps its own documents (see <see cref="SearchIndexing"/>).
/// </summary>
internal sealed class SearchBackfill : IReferenceData
{
    private const int Batch = 500;

    /// <summary>After every other module's reference data (organisations among them).</summary>
    public int Order => 1_000;

    public async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var sources = SearchIndexing.Sources(db);
        foreach (var source in sources)
        {
            // Public items without a document: anything written around SaveChanges (bulk-generated benchmark data) too.
            var missing = source.PublicIds(db).Where(id => !db.SearchDocuments.Any(d => d.Type == source.Type && d.ItemId == id));
            var lastId = 0;
            while (await missing.Where(id => id > lastId).OrderBy(id => id).Take(Batch).ToListAsync(cancellationToken) is { Count: > 0 } ids)
            {
                await SearchIndexing.WriteAsync(db, sources, [.. ids.Select(id => new ItemRef(source.Type, id))], cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                lastId = ids[^1];
            }
        }
    }
}
