using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Audit;

namespace ShapeOpenData.Modules.DatasetRequests.Manage;

/// <summary>The managing hub: what can be done to the request now, and its audit history.</summary>
public sealed class IndexModel(RequestQueries queries, AppDbContext db) : ManagePage(queries)
{
    public sealed record HistoryRow(AuditEntry Entry, string Actor);

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        History = await (from entry in db.AuditEntries
                         where entry.EntityType == DatasetRequestsModule.ItemType && entry.EntityId == id
                         orderby entry.Id descending
                         join user in db.Users on entry.ActorId equals user.Id into actors
                         from actor in actors.DefaultIfEmpty()
                         select new HistoryRow(entry, actor == null ? "Shape open data" : actor.DisplayName))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
