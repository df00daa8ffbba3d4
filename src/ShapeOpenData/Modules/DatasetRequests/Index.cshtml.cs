using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>All requests, filtered and sorted. A GET form, so every view can be bookmarked and works without JavaScript.</summary>
public sealed class IndexModel(RequestQueries queries, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Overdue { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public Paged<RequestSummary> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public static readonly IReadOnlyList<GovukOption> States = Choices<RequestState>("Any state");
    public static readonly IReadOnlyList<GovukOption> Themes = Choices<Theme>("Any theme");
    public static readonly IReadOnlyList<GovukOption> Sectors = Choices<Sector>("Anyone");
    public static readonly IReadOnlyList<GovukOption> Sorts = GovukOption.FromEnum<RequestSort>();
    public static readonly IReadOnlyList<GovukOption> OverdueChoice = [new("true", "Overdue only")];

    private static IReadOnlyList<GovukOption> Choices<TEnum>(string any) where TEnum : struct, Enum =>
        [new GovukOption("", any), .. GovukOption.FromEnum<TEnum>()];

    /// <param name="page">Which page of results (the name "page" is Razor Pages' own route value, so it is read here).</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Organisations = [new GovukOption("", "Any organisation"), .. await db.Organisations.OrderBy(o => o.Name)
            .Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
        var filter = new RequestFilter(
            ModelState.OptionalChoice<RequestState>(nameof(State), State, "Select a state from the list"),
            string.IsNullOrEmpty(Organisation) ? null : Organisation,
            ModelState.OptionalChoice<Theme>(nameof(Theme), Theme, "Select a theme from the list"),
            ModelState.OptionalChoice<Sector>(nameof(Sector), Sector, "Select a sector from the list"),
            Overdue.Contains("true"),
            ModelState.OptionalChoice<RequestSort>(nameof(Sort), Sort, "Select a sort order from the list") ?? RequestSort.MostSupported,
            Pagination.PageNumber(ModelState, page));
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        Results = await queries.ListAsync(filter, User, cancellationToken);
        return Page();
    }
}
