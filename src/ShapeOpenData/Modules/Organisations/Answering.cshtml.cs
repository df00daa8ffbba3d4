using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>
/// The second part of the guide "Your right to data": every organisation's freedom of information contact and its
/// record of answering in time, in the figures its own page shows (those the modules mark as about answering).
/// Paged and searchable by name, so a long list stays usable without JavaScript.
/// </summary>
public sealed class AnsweringModel(AppDbContext db, OrganisationRecord record) : PageModel
{
    public const int PageSize = 20;
    public const int NameMaxLength = 200;

    public sealed record Row(string Slug, string Name, string? FoiContact, string? Website, IReadOnlyList<Figure> Figures);

    /// <summary>Part of an organisation's name or its abbreviation.</summary>
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The figures' labels, in order: the table's columns.</summary>
    public IReadOnlyList<string> Columns { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <param name="page">Which page (the name "page" is Razor Pages' own route value, so it is read here).</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var name = ModelState.Optional(nameof(Name), Name, NameMaxLength, "The name");
        PageNumber = Pagination.PageNumber(ModelState, page);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        // Organisations are reference data, a few hundred at most: matched here, alike on every database.
        var organisations = (await db.Organisations.AsNoTracking().ToListAsync(cancellationToken))
            .Where(o => name is null || o.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                || (o.Abbreviation?.Contains(name, StringComparison.OrdinalIgnoreCase) ?? false))
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Total = organisations.Count;
        var shown = organisations.Skip((PageNumber - 1) * PageSize).Take(PageSize);
        var rows = new List<Row>();
        foreach (var organisation in shown)
        {
            var figures = (await record.ForAsync(organisation, cancellationToken)).Where(f => f.AboutAnswering).ToList();
            rows.Add(new Row(organisation.Slug, organisation.Name, organisation.FoiContact, organisation.Website, figures));
        }
        Rows = rows;
        Columns = [.. rows.SelectMany(r => r.Figures).OrderBy(f => f.Order).Select(f => f.Label).Distinct()];
        return Page();
    }
}
