using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Search;

/// <summary>
/// The site search (GOV.UK search pattern): words, filters that work without JavaScript, results best first with
/// their highlighted words, and pages. With no words it says what can be found; mistakes answer 400 with the error summary.
/// </summary>
public sealed class IndexModel(SiteSearch search, AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<GovukOption> Types { get; private set; } = [];
    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];
    public SearchResults? Results { get; private set; }
    public Dictionary<int, string> OrganisationNames { get; private set; } = [];
    public Pagination? Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var page = Pagination.PageNumber(ModelState, pageNumber);
        Organisations = [new("", "Any organisation"), .. await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
        var (query, errors) = await new SearchInput(Q, Type, Organisation, From, To).CheckAsync(db, search.Types, page, PageSize, cancellationToken);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
        Types = [new("", "Anything"), .. search.Types.Select(t => new GovukOption(t, Capitalised(ItemTypes.NameOf(t)), null))];
        if (!ModelState.IsValid || query is null)
        {
            return this.Invalid();
        }
        if (query.Terms.Count == 0)
        {
            return Page();
        }
        Results = await search.FindAsync(query, cancellationToken);
        if (Results.CountsByType.Count > 0 || Results.Total == 0)
        {
            // Counted only when no more than 1,000 match in all (SiteSearch counts no further).
            Types = [new("", $"Anything ({Results.CountsByType.Values.Sum():N0})"), .. search.Types.Select(t =>
                new GovukOption(t, $"{Capitalised(ItemTypes.NameOf(t))} ({Results.CountsByType.GetValueOrDefault(t):N0})", null))];
        }
        var named = Results.Items.Select(r => r.OrganisationId).OfType<int>().Distinct().ToList();
        OrganisationNames = await db.Organisations.Where(o => named.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var pageCount = Math.Min((Results.Total + PageSize - 1) / PageSize, Paging.MaxPage);
        Pages = new Pagination(page, pageCount, Pagination.KeepingQuery(Request), "Pages of results");
        return Page();
    }

    /// <summary>"Dataset request" from "dataset request".</summary>
    public static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
