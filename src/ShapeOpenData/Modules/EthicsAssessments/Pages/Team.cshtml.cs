using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments.Pages;

/// <summary>
/// The team manages itself: any member adds someone with an account by their email address, or removes a member
/// (themselves included); the last member stays. Members are shown by name only.
/// </summary>
[Authorize]
public sealed class TeamModel(AssessmentReports reports, EthicsAssessmentWorkflow workflow) : AssessmentPage(reports)
{
    [BindProperty] public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadForTeamAsync(slug, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAddAsync(string slug, CancellationToken cancellationToken)
    {
        var email = ModelState.Email(nameof(Email), Email);
        return ActAsync(slug, $"{email} has been added to the team and told by email",
            () => workflow.AddMemberAsync(slug, email!, User, cancellationToken), nameof(Email), Here(slug), cancellationToken);
    }

    public Task<IActionResult> OnPostRemoveAsync(string slug, int user, CancellationToken cancellationToken) =>
        ActAsync(slug, user == User.UserId() ? "You have left the team" : "They have been removed from the team",
            () => workflow.RemoveMemberAsync(slug, user, User, cancellationToken), "team",
            user == User.UserId() ? "/ethics-assessments" : Here(slug), cancellationToken);

    private static string Here(string slug) => $"{EthicsAssessmentWorkflow.UrlOf(slug)}/team";
}
