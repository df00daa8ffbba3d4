using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>The catalogue, searched and filtered. A GET form, so every view can be bookmarked and works without JavaScript.</summary>
public sealed class IndexModel(DatasetQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Publisher { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }
    [BindProperty(SupportsGet = true)] public string? Openness { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public Paged<DatasetSummary> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<GovukOption> Publishers { get; private set; } = [];
    public IReadOnlyList<GovukOption> Formats { get; private set; } = [];

    public static readonly IReadOnlyList<GovukOption> Themes = [new("", "Any theme"), .. GovukOption.FromEnum<Theme>()];
    public static readonly IReadOnlyList<GovukOption> Levels =
        [new("", "Any"), .. Codes.All<Openness>().Skip(1).Select(o => new GovukOption(o.ToCode(), $"At least {o.ToText().ToLowerInvariant()}"))];
    public static readonly IReadOnlyList<GovukOption> Sorts = GovukOption.FromEnum<DatasetSort>();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Publishers = [new("", "Any publisher"), .. (await queries.PublishersAsync(cancellationToken)).Select(p => new GovukOption(p.Slug, p.Name))];
        Formats = [new("", "Any format"), .. (await queries.FormatsAsync(cancellationToken)).Select(f => new GovukOption(f, f))];
        if (Publisher is { Length: > 0 } && Publishers.All(p => p.Value != Publisher))
        {
            ModelState.AddModelError(nameof(Publisher), "Select a publisher from the list");
        }
        var filter = new DatasetFilter(
            string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            string.IsNullOrEmpty(Publisher) ? null : Publisher,
            ModelState.OptionalChoice<Theme>(nameof(Theme), Theme, "Select a theme from the list"),
            string.IsNullOrEmpty(Format) ? null : Format,
            ModelState.OptionalChoice<Openness>(nameof(Openness), Openness, "Select an openness level from the list"),
            ModelState.OptionalChoice<DatasetSort>(nameof(Sort), Sort, "Select a sort order from the list") ?? DatasetSort.RecentlyUpdated);
        var pageNumber = Pagination.PageNumber(ModelState, page);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        Results = await queries.ListAsync(filter, pageNumber, Paging.DefaultPageSize, cancellationToken);
        return Page();
    }
}
