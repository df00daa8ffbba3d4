using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue.Reports;

/// <summary>
/// Quality reports across the catalogue, open ones oldest first with overdue ones marked: what publishers work
/// through, and what everyone can hold them to. Publishers can narrow it to their own organisations.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IOptions<CatalogueOptions> options) : PageModel
{
    public sealed record ReportLine(
        string Slug, string DatasetTitle, string Publisher, int Number, ReportCategory Category, ReportState State,
        bool AwaitingReview, DateTime CreatedAt, DateOnly ResponseDueOn, DateTime? FirstRespondedAt, int AffectedCount)
    {
        public bool IsOverdue(DateOnly today) => State != ReportState.Closed && FirstRespondedAt is null && ResponseDueOn < today;
    }

    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Mine { get; set; } = [];

    public Paged<ReportLine> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int ResponseWorkingDays => options.Value.ReportResponseWorkingDays;
    public bool IsPublisher => User.HasClaim(c => c.Type == PersonClaims.PublisherFor);

    public static readonly IReadOnlyList<GovukOption> States = [new("", "Open"), new("closed", "Closed"), new("all", "Any state")];
    public static readonly IReadOnlyList<GovukOption> MineChoice = [new("true", "Only my organisations' reports")];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Organisations = [new("", "Any publisher"), .. await db.Organisations.Where(o => db.Datasets.Any(d => d.OrganisationId == o.Id)).OrderBy(o => o.Name)
            .Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
        if (State is { Length: > 0 } && States.All(s => s.Value != State)) ModelState.AddModelError(nameof(State), "Select a state from the list");
        if (Organisation is { Length: > 0 } && Organisations.All(o => o.Value != Organisation)) ModelState.AddModelError(nameof(Organisation), "Select a publisher from the list");
        var pageNumber = Pagination.PageNumber(ModelState, page);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }

        var reports = db.QualityReports.AsNoTracking().Where(QualityReportPermissions.VisibleTo(User));
        reports = State switch
        {
            "closed" => reports.Where(r => r.State == ReportState.Closed).OrderByDescending(r => r.ClosedAt),
            "all" => reports.OrderByDescending(r => r.CreatedAt),
            _ => reports.Where(r => r.State != ReportState.Closed).OrderBy(r => r.CreatedAt),
        };
        if (!string.IsNullOrEmpty(Organisation))
        {
            reports = reports.Where(r => r.Dataset!.Organisation!.Slug == Organisation);
        }
        if (Mine.Contains("true"))
        {
            var mine = User.PublisherOrganisations();
            reports = reports.Where(r => mine.Contains(r.Dataset!.OrganisationId));
        }
        Results = await Paging.PageAsync(reports.Select(r => new ReportLine(
            r.Dataset!.Slug, r.Dataset.Title, r.Dataset.Organisation!.Name, r.Number, r.Category, r.State, r.AwaitingReview,
            r.CreatedAt, r.ResponseDueOn, r.FirstRespondedAt, r.AffectedCount)), pageNumber, Paging.DefaultPageSize, cancellationToken);
        return Page();
    }
}
