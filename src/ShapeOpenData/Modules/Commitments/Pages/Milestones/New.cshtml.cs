using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages.Milestones;

/// <summary>Adds a dated milestone to a commitment.</summary>
[Authorize]
public sealed class NewModel(CommitmentWorkflow commitments) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateInput DueOn { get; set; } = new();

    public Commitment Commitment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        Commitment = await commitments.FindAsync(reference, cancellationToken);
        return CommitmentPermissions.CanRun(User, Commitment) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        Commitment = await commitments.FindAsync(reference, cancellationToken);
        if (!CommitmentPermissions.CanRun(User, Commitment))
        {
            return Forbid();
        }
        var title = ModelState.Required(nameof(Title), Title, "Enter what the milestone is", Milestone.TitleMaxLength, "The milestone");
        var dueOn = DueOn.Read(ModelState, nameof(DueOn), "the due date");
        return await this.ChangeAsync(async () =>
        {
            var milestone = await commitments.AddMilestoneAsync(reference, title!, dueOn!.Value, User, cancellationToken);
            return new Changed($"{CommitmentWorkflow.UrlOf(Commitment.Reference)}#milestone-{milestone.Number}", $"Milestone {milestone.Number} has been added");
        }, nameof(Title));
    }
}
