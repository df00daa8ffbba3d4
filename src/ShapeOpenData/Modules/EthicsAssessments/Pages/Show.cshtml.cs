using Microsoft.AspNetCore.Mvc;

namespace ShapeOpenData.Modules.EthicsAssessments.Pages;

/// <summary>
/// An assessment: the project, the latest scores of each stage as a chart and a table, every assessment recorded,
/// the downloads, and — for its team — assessing a stage, the team, and publishing or taking it back.
/// </summary>
public sealed class ShowModel(AssessmentReports reports, EthicsAssessmentWorkflow workflow) : AssessmentPage(reports)
{
    public ScoreChart? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        await ReloadAsync(slug, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellationToken) =>
        ActAsync(slug, "The assessment has been published. Anyone can now read and download it",
            () => workflow.PublishAsync(slug, User, cancellationToken), "publish", EthicsAssessmentWorkflow.UrlOf(slug), cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(string slug, CancellationToken cancellationToken) =>
        ActAsync(slug, "The assessment has been unpublished. Only your team can see it now",
            () => workflow.UnpublishAsync(slug, User, cancellationToken), "publish", EthicsAssessmentWorkflow.UrlOf(slug), cancellationToken);

    protected override async Task ReloadAsync(string slug, CancellationToken cancellationToken)
    {
        await base.ReloadAsync(slug, cancellationToken);
        Chart = Report.Latest.Count == 0 ? null : new ScoreChart(Report.Latest);
    }
}
