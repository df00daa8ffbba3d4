using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>One dataset: what it is, how to get it, how open it is, what is wrong with it and which requests it answers.</summary>
public sealed class ShowModel(AppDbContext db, ServiceLinks links, TimeProvider clock, PageSections sections) : PageModel
{
    public sealed record ReportLine(int Number, ReportCategory Category, ReportState State, bool AwaitingReview, bool IsOverdue, DateTime CreatedAt, int AffectedCount);

    public Dataset Dataset { get; private set; } = null!;
    /// <summary>What other modules show on a dataset's page, like the requests it answers.</summary>
    public IReadOnlyList<PageSection> Sections { get; private set; } = [];
    public IReadOnlyList<ReportLine> Reports { get; private set; } = [];

    /// <summary>schema.org/Dataset, for search engines and other catalogues.</summary>
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.AsNoTracking().AsSplitQuery().Include(d => d.Organisation).Include(d => d.Themes)
            .Include(d => d.Distributions.OrderBy(x => x.Position)).SingleOrDefaultAsync(d => d.Slug == slug, cancellationToken);
        if (dataset is null)
        {
            return NotFound();
        }
        Dataset = dataset;
        Sections = await sections.ForAsync(ItemTypes.Dataset, dataset.Id, User, cancellationToken);
        var today = clock.Today();
        Reports = (await db.QualityReports.Where(r => r.DatasetId == dataset.Id).Where(QualityReportPermissions.VisibleTo(User))
                .OrderByDescending(r => r.Number).ToListAsync(cancellationToken))
            .Select(r => new ReportLine(r.Number, r.Category, r.State, r.AwaitingReview, r.IsOverdue(today), r.CreatedAt, r.AffectedCount)).ToList();
        JsonLd = SchemaOrg(dataset);
        return Page();
    }

    private static readonly JsonSerializerOptions JsonLdOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private string SchemaOrg(Dataset dataset) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org/",
        ["@type"] = "Dataset",
        ["@id"] = links.Absolute($"/datasets/{dataset.Slug}").ToString(),
        ["name"] = dataset.Title,
        ["description"] = string.IsNullOrWhiteSpace(dataset.Description) ? dataset.Title : dataset.Description,
        ["url"] = links.Absolute($"/datasets/{dataset.Slug}").ToString(),
        ["sameAs"] = dataset.LandingPage,
        ["keywords"] = dataset.KeywordList.ToArray(),
        ["license"] = dataset.LicenceUrl ?? dataset.LicenceTitle,
        ["isAccessibleForFree"] = true,
        ["dateCreated"] = dataset.IssuedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["dateModified"] = dataset.ModifiedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["creator"] = new Dictionary<string, object?>
        {
            ["@type"] = "GovernmentOrganization",
            ["name"] = dataset.Organisation!.Name,
            ["url"] = links.Absolute($"/organisations/{dataset.Organisation.Slug}").ToString(),
        },
        ["distribution"] = dataset.Distributions.Select(d => new Dictionary<string, object?>
        {
            ["@type"] = "DataDownload",
            ["name"] = d.Title,
            ["contentUrl"] = d.Url,
            ["encodingFormat"] = d.MediaType ?? d.Format,
            ["contentSize"] = d.SizeBytes is { } size ? $"{size} B" : null,
        }).ToArray(),
    }, JsonLdOptions);
}
