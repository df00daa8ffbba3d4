using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>Quality reports opt into the shared follows, comments and supports modules here.</summary>
public sealed class ReportItems(AppDbContext db) : IFollowable, ICommentable, ISupportable
{
    public string Type => CatalogueModule.ReportItemType;

    /// <summary>"I have this problem too": the reporter is not among them, and is counted besides.</summary>
    public SupportCounter Counter { get; } = SupportCounter.Of<QualityReport>(r => r.AffectedCount);

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await db.QualityReports.Where(r => r.Id == id).Select(r => new { r.Number, r.Dataset!.Slug, r.Dataset.Title }).SingleOrDefaultAsync(cancellationToken) is { } found
            ? (QualityReports.TitleOf(found.Number, found.Title), QualityReports.UrlOf(found.Slug, found.Number))
            : null;

    /// <summary>
    /// A personal data report stays hidden until it is reviewed, and a report a moderator hid is for its reporter and
    /// moderators only; found in the context first, so emails follow a change being saved.
    /// </summary>
    public async Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await db.QualityReports.FindAsync([id], cancellationToken) is { } report
        && QualityReportPermissions.CanFind(person, report,
            await db.Datasets.Where(d => d.Id == report.DatasetId).Select(d => d.OrganisationId).SingleAsync(cancellationToken));

    public async Task<CommentableItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.AsNoTracking().Include(r => r.Dataset).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !QualityReportPermissions.CanView(reader, report, report.Dataset!.OrganisationId))
        {
            return null;
        }
        return new CommentableItem(QualityReports.TitleOf(report.Number, report.Dataset.Title), QualityReports.UrlOf(report.Dataset.Slug, report.Number),
            reader.IsSignedIn(), QualityReportPermissions.CanManage(reader, report.Dataset.OrganisationId));
    }

    /// <summary>Anyone who may see an open report, except its reporter (who already has the problem), may say they have it too; not while it is hidden.</summary>
    public async Task<SupportableItem?> CheckAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.AsNoTracking().Include(r => r.Dataset).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !QualityReportPermissions.CanView(person, report, report.Dataset!.OrganisationId))
        {
            return null;
        }
        return new SupportableItem(
            !report.Moderation.IsPublic ? "A moderator has hidden this report"
            : !report.IsOpen ? "This report is closed. Reopen it if you still have the problem"
            : report.ReporterId is { } reporter && reporter == person.UserId() ? "You reported this problem, so you are already counted"
            : null);
    }

    public Task SupportChangedAsync(SupportChange change, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class ReportsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "quality_reports";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        Reported = await db.QualityReports.Where(r => r.ReporterId == userId).OrderBy(r => r.Id)
            .Select(r => new { Dataset = r.Dataset!.Slug, r.Number, Category = r.Category.ToCode(), r.Details, r.CreatedAt }).ToListAsync(cancellationToken),
        Events = await db.QualityReportEvents.Where(e => e.ActorId == userId).OrderBy(e => e.Id)
            .Select(e => new { e.ReportId, Kind = e.Kind.ToCode(), e.Note, e.At }).ToListAsync(cancellationToken),
        CatalogueImportsAskedFor = await db.CatalogueImports.Where(i => i.RequestedById == userId).OrderBy(i => i.Id)
            .Select(i => new { i.Source, i.StartedAt, State = i.State.ToCode() }).ToListAsync(cancellationToken),
    };

    /// <summary>Reports, their timelines and import records stay, as from a former participant: nothing here is only theirs.</summary>
    public Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken) => Task.CompletedTask;
}
