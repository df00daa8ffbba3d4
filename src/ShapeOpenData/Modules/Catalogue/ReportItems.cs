using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;

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
