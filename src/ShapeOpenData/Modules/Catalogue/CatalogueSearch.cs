using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>Datasets in the site search: those in the catalogue now (not withdrawn), by title, description and keywords.</summary>
internal sealed class DatasetSearch : ISearchSource
{
    public string Type => ItemTypes.Dataset;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await Public(db).Where(d => ids.Contains(d.Id))
            .Select(d => new SearchText(d.Id, d.Title, d.Description + "\n" + d.Keywords, "/datasets/" + d.Slug, d.OrganisationId, d.IssuedAt ?? d.ImportedAt))
            .ToListAsync(cancellationToken);

    public IQueryable<int> PublicIds(AppDbContext db) => Public(db).Select(d => d.Id);

    private static IQueryable<Dataset> Public(AppDbContext db) => db.Datasets.AsNoTracking().Where(d => d.WithdrawnAt == null);
}

/// <summary>Problem reports in the site search: those anyone may see, by what the reporter wrote, under their dataset's organisation.</summary>
internal sealed class QualityReportSearch : ISearchSource
{
    public string Type => ItemTypes.QualityReport;

    public async Task<IReadOnlyList<SearchText>> PublicAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        [.. (await Public(db).Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Number, r.Details, r.Dataset!.Slug, r.Dataset.Title, r.Dataset.OrganisationId, r.CreatedAt })
                .ToListAsync(cancellationToken))
            .Select(r => new SearchText(r.Id, QualityReports.TitleOf(r.Number, r.Title), r.Details, QualityReports.UrlOf(r.Slug, r.Number), r.OrganisationId, r.CreatedAt))];

    public IQueryable<int> PublicIds(AppDbContext db) => Public(db).Select(r => r.Id);

    private static IQueryable<QualityReport> Public(AppDbContext db) =>
        db.QualityReports.AsNoTracking().Where(QualityReportPermissions.VisibleTo(new ClaimsPrincipal()));
}

public sealed partial class Dataset : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.Dataset, Id)];
}

public sealed partial class QualityReport : ISearchIndexed
{
    IEnumerable<ItemRef> ISearchIndexed.SearchItems => [new(ItemTypes.QualityReport, Id)];
}
