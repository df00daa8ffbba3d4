using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// Quality reports as moderators act on them: what the reporter wrote, which may be hidden or have personal data
/// edited out. They are never held for approval (no <see cref="IPreModeration"/>): a report is about data already
/// published, and its publisher must answer it within the service standard, so it is public from the start.
/// </summary>
internal sealed class QualityReportModeration(AppDbContext db, TimeProvider clock) : IModeratable
{
    public const string DetailsField = "details";

    public string Type => ItemTypes.QualityReport;

    public string Label => "Quality report";

    public async Task<ModeratedItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.AsNoTracking().Include(r => r.Dataset).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !QualityReportPermissions.CanFind(reader, report, report.Dataset!.OrganisationId))
        {
            return null;
        }
        var context = $"Report {report.Number} on {report.Dataset.Title}";
        var url = QualityReports.UrlOf(report.Dataset.Slug, report.Number);
        return new ModeratedItem(new TracedItem(Type, report.Id, report.Number.ToString(CultureInfo.InvariantCulture), context, url), context,
            [new(DetailsField, "Problem", report.Details, QualityReport.DetailsMaxLength)], report.ReporterId, report.Moderation);
    }

    public async Task ApplyAsync(int id, ModerationChange change, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such report");
        if (change is ModerationChange.Redact redact)
        {
            report.Redact(redact.Fields.GetValueOrDefault(DetailsField) ?? report.Details, clock.UtcNow());
            return;
        }
        report.Moderation.Apply(change, clock.UtcNow());
    }
}
