using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates.Pages;

/// <summary>Every policy update, newest first, filtered by tag and organisation.</summary>
public sealed class IndexModel(AppDbContext db, UpdateReadModel read) : UpdateListModel(read)
{
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];
    public IReadOnlyList<GovukOption> Tags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Organisations = [new("", "Any organisation"), .. await db.Organisations.AsNoTracking()
            .Where(o => db.PolicyUpdates.Any(u => u.OrganisationId == o.Id)).OrderBy(o => o.Name)
            .Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
        Tags = [new("", "Any tag"), .. (await db.UpdateTags.AsNoTracking().Select(t => t.Tag).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).Select(t => new GovukOption(t, t, null))];
        var filter = new UpdateFilter(string.IsNullOrEmpty(Tag) ? null : Tag, string.IsNullOrEmpty(Organisation) ? null : Organisation);
        return await LoadAsync(filter, page, cancellationToken) ? Page() : this.Invalid();
    }
}
