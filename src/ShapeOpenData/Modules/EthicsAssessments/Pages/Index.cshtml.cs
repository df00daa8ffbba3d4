using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments.Pages;

/// <summary>Published assessments for everyone, a page at a time, and the signed-in person's own team's assessments, published or not.</summary>
public sealed class IndexModel(AppDbContext db, AssessmentReports reports) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(string Slug, string ProjectName, string? Organisation, DateTime? PublishedAt, IReadOnlyList<ProjectStage> Stages);

    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<Row> Published { get; private set; } = [];
    public int PublishedPages { get; private set; }
    public IReadOnlyList<Row> Mine { get; private set; } = [];

    /// <param name="page">Which page of the published ones (the name "page" is Razor Pages' own route value, so it is read here).</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        PageNumber = Pagination.PageNumber(ModelState, page);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        var published = db.EthicsAssessments.Where(a => a.PublishedAt != null);
        PublishedPages = Math.Max(1, (await published.CountAsync(cancellationToken) + PageSize - 1) / PageSize);
        Published = await RowsAsync(published.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize), cancellationToken);
        if (User.UserId() is { } userId)
        {
            Mine = await RowsAsync(db.EthicsAssessments.Where(a => a.Team.Any(m => m.UserId == userId)).OrderByDescending(a => a.UpdatedAt), cancellationToken);
        }
        return Page();
    }

    private async Task<IReadOnlyList<Row>> RowsAsync(IQueryable<EthicsAssessment> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().Select(a => new
        {
            a.Id, a.Slug, a.ProjectName, Organisation = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            a.PublishedAt,
        }).ToListAsync(cancellationToken);
        var stages = await reports.StagesAssessedAsync([.. rows.Select(r => r.Id)], cancellationToken);
        return [.. rows.Select(r => new Row(r.Slug, r.ProjectName, r.Organisation, r.PublishedAt, stages[r.Id]))];
    }
}
