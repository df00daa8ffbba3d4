using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>Quality reports opt into the shared follows and comments modules here.</summary>
public sealed class ReportItems(AppDbContext db) : IFollowable, ICommentable
{
    public string Type => CatalogueModule.ReportItemType;

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await db.QualityReports.Where(r => r.Id == id).Select(r => new { r.Number, r.Dataset!.Slug, r.Dataset.Title }).SingleOrDefaultAsync(cancellationToken) is { } found
            ? ($"Report {found.Number} on {found.Title}", QualityReports.UrlOf(found.Slug, found.Number))
            : null;

    public async Task<CommentableItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.AsNoTracking().Include(r => r.Dataset).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !QualityReportPermissions.CanView(reader, report, report.Dataset!.OrganisationId))
        {
            return null;
        }
        return new CommentableItem($"Report {report.Number} on {report.Dataset.Title}", QualityReports.UrlOf(report.Dataset.Slug, report.Number),
            reader.IsSignedIn(), QualityReportPermissions.CanManage(reader, report.Dataset.OrganisationId));
    }
}

internal sealed class ReportsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "quality_reports";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        Reported = await db.QualityReports.Where(r => r.ReporterId == userId).OrderBy(r => r.Id)
            .Select(r => new { Dataset = r.Dataset!.Slug, r.Number, Category = r.Category.ToCode(), r.Details, r.CreatedAt }).ToListAsync(cancellationToken),
        HadTheProblemToo = await db.ReportsAffected.Where(a => a.UserId == userId).OrderBy(a => a.Id)
            .Select(a => new { a.ReportId, a.CreatedAt }).ToListAsync(cancellationToken),
    };
}
