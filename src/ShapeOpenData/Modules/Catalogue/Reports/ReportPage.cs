using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue.Reports;

/// <summary>
/// What the report pages share: the report found by its dataset and number (only for those who may see it),
/// and turning the report's refusals into the page's error summary. The report's own rules decide what is allowed.
/// </summary>
public abstract class ReportPage(AppDbContext db) : PageModel
{
    public QualityReport Report { get; private set; } = null!;
    public Dataset Dataset => Report.Dataset!;

    protected AppDbContext Db => db;

    protected async Task<bool> LoadAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.AsNoTracking().Include(r => r.Dataset).ThenInclude(d => d!.Organisation)
            .Include(r => r.Events.OrderBy(e => e.Id))
            .SingleOrDefaultAsync(r => r.Dataset!.Slug == slug && r.Number == number, cancellationToken);
        if (report is null || !QualityReportPermissions.CanView(User, report, report.Dataset!.OrganisationId))
        {
            return false;
        }
        Report = report;
        return true;
    }

    /// <summary>
    /// Runs a change to the report; on success tells the person and goes back to the report. Someone who may not make
    /// it (<paramref name="allowed"/>) gets 403 before their form is looked at.
    /// </summary>
    protected async Task<IActionResult> ActAsync(
        string slug, int number, string done, Func<int, Task> act, string errorKey, CancellationToken cancellationToken, Func<bool>? allowed = null)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }
        if (allowed?.Invoke() == false)
        {
            return Forbid();
        }
        return await this.ChangeAsync(() => act(Report.Id), done, QualityReports.UrlOf(slug, number), errorKey, () => OnInvalidAsync(cancellationToken));
    }

    /// <summary>Loads what the page shows besides the report, before it is shown again with errors.</summary>
    protected virtual Task OnInvalidAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
