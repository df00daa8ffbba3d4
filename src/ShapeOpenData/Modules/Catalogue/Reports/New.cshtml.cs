using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue.Reports;

/// <summary>Reporting a problem with a dataset, or with one of its files or links.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, QualityReports reports, IOptions<CatalogueOptions> options) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> Categories = [.. GovukOption.FromEnum<ReportCategory>().Select(o =>
        o.Value == ReportCategory.PersonalDataExposed.ToCode() ? o with { Hint = "The report stays hidden from the public until the publisher or a moderator has reviewed it, and the publisher is told at once." } : o)];

    [BindProperty] public string? Distribution { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Details { get; set; }

    public Dataset Dataset { get; private set; } = null!;
    public int ResponseWorkingDays => options.Value.ReportResponseWorkingDays;
    public IReadOnlyList<GovukOption> Distributions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        var category = ModelState.Choice<ReportCategory>(nameof(Category), Category, "Select what is wrong");
        var details = ModelState.Required(nameof(Details), Details, "Describe the problem", QualityReport.DetailsMaxLength, "The description");
        int? distributionId = null;
        if (!string.IsNullOrEmpty(Distribution))
        {
            if (int.TryParse(Distribution, out var id) && Dataset.Distributions.Any(d => d.Id == id)) distributionId = id;
            else ModelState.AddModelError(nameof(Distribution), "Select a file or link from the list");
        }
        return await this.ChangeAsync(async () =>
        {
            var report = await reports.FileAsync(slug, new NewReport(distributionId, category!.Value, details!), User, cancellationToken);
            return new Changed(QualityReports.UrlOf(slug, report.Number), report.AwaitingReview
                ? "Thank you. Your report is hidden from the public until it has been reviewed, and the publisher has been told"
                : "Thank you. The publisher has been told, and we will email you when they respond");
        }, nameof(Category));
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.AsNoTracking().Include(d => d.Distributions.OrderBy(x => x.Position))
            .SingleOrDefaultAsync(d => d.Slug == slug && d.WithdrawnAt == null, cancellationToken);
        if (dataset is null)
        {
            return false;
        }
        Dataset = dataset;
        Distributions = [new("", "The dataset as a whole"), .. dataset.Distributions.Select(d =>
            new GovukOption(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{d.Title} ({d.Format})"))];
        return true;
    }
}
