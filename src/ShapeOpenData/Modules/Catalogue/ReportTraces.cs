using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// Quality reports as inputs of a traceability link ("report 3 on bus stops led to this fix"): known as
/// "{dataset} #{n}" or by their address (<c>/datasets/bus-stops/reports/3</c>). Only reports everyone may read are
/// given: not a personal data report awaiting review, nor one a moderator hid.
/// </summary>
internal sealed partial class ReportTraces(AppDbContext db) : ITraceable
{
    public string Type => ItemTypes.QualityReport;

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await TracedAsync(Public().Where(r => ids.Contains(r.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        if (Named().Match(reference.Trim()) is not { Success: true } key)
        {
            return null;
        }
        var (slug, number) = (key.Groups["slug"].Value.ToLowerInvariant(), int.Parse(key.Groups["number"].Value, CultureInfo.InvariantCulture));
        return (await TracedAsync(Public().Where(r => r.Dataset!.Slug == slug && r.Number == number), cancellationToken)).SingleOrDefault();
    }

    private IQueryable<QualityReport> Public() => db.QualityReports.AsNoTracking().Where(QualityReportPermissions.VisibleTo(new ClaimsPrincipal()));

    private static async Task<List<TracedItem>> TracedAsync(IQueryable<QualityReport> reports, CancellationToken cancellationToken) =>
        [.. (await reports.Select(r => new { r.Id, r.Number, r.Dataset!.Slug, r.Dataset.Title, r.State, r.Resolution, r.ClosedAt }).ToListAsync(cancellationToken))
            .Select(r => new TracedItem(ItemTypes.QualityReport, r.Id, $"{r.Slug} #{r.Number}", QualityReports.TitleOf(r.Number, r.Title), QualityReports.UrlOf(r.Slug, r.Number),
                r is { Resolution: { } resolution, ClosedAt: { } closed }
                    ? $"closed {closed.ToUkTime():d MMMM yyyy}: {resolution.ToText().ToLowerInvariant()}"
                    : r.State == ReportState.Acknowledged ? "acknowledged by the publisher" : "open"))];

    /// <summary>"bus-stops #3", or its address, absolute or not.</summary>
    [GeneratedRegex(@"^(?:.*/datasets/)?(?<slug>[A-Za-z0-9-]+)(?:\s+#|/reports/)(?<number>\d{1,6})/?$")]
    private static partial Regex Named();
}
