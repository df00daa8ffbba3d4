using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>An organisation's record on its data: the datasets it publishes, and how it deals with quality reports.</summary>
internal sealed class CatalogueFigures(AppDbContext db) : ICountable
{
    public async Task<IReadOnlyList<Figure>> CountAsync(CountScope? scope, CancellationToken cancellationToken)
    {
        var datasets = await db.Datasets.CountAsync(d => (scope == null || d.OrganisationId == scope.OrganisationId) && d.WithdrawnAt == null, cancellationToken);
        var reports = await db.QualityReports.Where(r => scope == null || r.Dataset!.OrganisationId == scope.OrganisationId)
            .Select(r => new { r.State, r.CreatedAt, r.ClosedAt }).ToListAsync(cancellationToken);
        var resolved = reports.Where(r => r.State == ReportState.Closed).ToList();
        var publisher = scope is null ? "" : $"?Publisher={scope.OrganisationSlug}";
        return
        [
            new(10, "Datasets published", datasets.ToString("N0", CultureInfo.CurrentCulture), $"/datasets{publisher}"),
            new(60, "Quality reports", $"{reports.Count - resolved.Count:N0} open, {resolved.Count:N0} resolved",
                scope is null ? "/quality-reports" : $"/quality-reports?organisation={scope.OrganisationSlug}"),
            new(70, "Typical time to resolve a report",
                Figures.Days(Figures.Median(resolved.Select(r => (int?)(r.ClosedAt!.Value.Date - r.CreatedAt.Date).Days))), Note: "median, calendar days"),
        ];
    }
}
