using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue.Reports;

/// <summary>The publisher's side of a report: respond, review a personal data report, close with a resolution.</summary>
[Authorize]
public sealed class ManageModel(AppDbContext db, QualityReports reports) : ReportPage(db)
{
    public static readonly IReadOnlyList<GovukOption> Resolutions = GovukOption.FromEnum<Resolution>();

    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? Resolution { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? ReviewNote { get; set; }

    public bool CanManage => QualityReportPermissions.CanManage(User, Dataset.OrganisationId);
    public bool CanReview => Report.AwaitingReview && QualityReportPermissions.CanReview(User, Dataset.OrganisationId);

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }
        return CanManage || CanReview ? Page() : Forbid();
    }

    public Task<IActionResult> OnPostRespondAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var response = ModelState.Required(nameof(Reply), Reply, "Enter your response", QualityReport.DetailsMaxLength, "Your response");
        return ActAsync(slug, number, "Your response has been published and the reporter told",
            id => reports.RespondAsync(id, User, response!, cancellationToken), nameof(Reply), cancellationToken, () => CanManage);
    }

    public Task<IActionResult> OnPostCloseAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var resolution = ModelState.Choice<Resolution>(nameof(Resolution), Resolution, "Select the resolution");
        var note = ModelState.Optional(nameof(Note), Note, QualityReport.DetailsMaxLength, "The explanation");
        if (resolution == Catalogue.Resolution.WontFix && note is null && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(Note), "Explain why it will not be fixed");
        }
        return ActAsync(slug, number, "The report has been closed",
            id => reports.CloseAsync(id, User, resolution!.Value, note, cancellationToken), nameof(Resolution), cancellationToken, () => CanManage);
    }

    public Task<IActionResult> OnPostReviewAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var note = ModelState.Optional(nameof(ReviewNote), ReviewNote, 1_000, "The note");
        return ActAsync(slug, number, "The report has been reviewed and is now public",
            id => reports.ReviewAsync(id, User, note, cancellationToken), nameof(ReviewNote), cancellationToken,
            () => QualityReportPermissions.CanReview(User, Dataset.OrganisationId));
    }
}
