using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Organisations;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Slug, string Name, string? Abbreviation, OrganisationKind Kind);

    public IReadOnlyList<IGrouping<OrganisationKind, Row>> ByKind { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new Row(o.Slug, o.Name, o.Abbreviation, o.Kind))
            .ToListAsync(cancellationToken);
        ByKind = [.. organisations.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).GroupBy(o => o.Kind).OrderBy(g => g.Key)];
    }
}
