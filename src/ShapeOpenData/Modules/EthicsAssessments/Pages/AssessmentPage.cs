using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments.Pages;

/// <summary>
/// What the assessment pages share: the assessment as the reader may see it (404 when they may not), whether they are
/// in its team, and making a change the team's way — 403 for anyone else, the error summary when a rule refuses it.
/// </summary>
public abstract class AssessmentPage(AssessmentReports reports) : PageModel
{
    public AssessmentReport Report { get; private set; } = null!;
    public EthicsAssessment Assessment => Report.Assessment;
    public bool IsMember => Assessment.HasMember(User.UserId());
    public bool CanChange => EthicsAssessmentPermissions.CanChange(IsMember);

    protected async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await reports.FindAsync(slug, User, cancellationToken) is not { } report)
        {
            return false;
        }
        Report = report;
        return true;
    }

    /// <summary>For pages only the team uses: the assessment loaded, or why not (404 or 403).</summary>
    protected async Task<IActionResult?> LoadForTeamAsync(string slug, CancellationToken cancellationToken) =>
        !await LoadAsync(slug, cancellationToken) ? NotFound() : CanChange ? null : Forbid();

    /// <summary>Runs a change by the team; on success tells the person <paramref name="done"/> and goes to <paramref name="then"/>.</summary>
    /// <remarks>Someone signed out is asked to sign in first, whatever the assessment.</remarks>
    protected async Task<IActionResult> ActAsync(string slug, string done, Func<Task> act, string errorKey, string then, CancellationToken cancellationToken) =>
        !User.IsSignedIn() ? Challenge()
        : await LoadForTeamAsync(slug, cancellationToken) ?? await this.ChangeAsync(act, done, then, errorKey, () => ReloadAsync(slug, cancellationToken));

    /// <summary>Reads the assessment again (a refused change may have been half made in memory) and what else the page shows.</summary>
    protected virtual async Task ReloadAsync(string slug, CancellationToken cancellationToken) => await LoadAsync(slug, cancellationToken);
}
