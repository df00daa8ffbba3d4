using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages.Milestones;

/// <summary>Updates a milestone: its title and due date, its state, and the evidence when it is met.</summary>
[Authorize]
public sealed class EditModel(CommitmentWorkflow commitments) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> States = GovukOption.FromEnum<MilestoneState>();

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateInput DueOn { get; set; } = new();
    [BindProperty] public string? State { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public DateInput MetOn { get; set; } = new();

    public Commitment Commitment { get; private set; } = null!;
    public Milestone Milestone { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, int number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reference, number, cancellationToken) is { } refused)
        {
            return refused;
        }
        (Title, DueOn, State, Evidence) = (Milestone.Title, DateInput.From(Milestone.DueOn), Milestone.State.ToCode(), Milestone.Evidence);
        MetOn = Milestone.MetOn is { } met ? DateInput.From(met) : new DateInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference, int number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reference, number, cancellationToken) is { } refused)
        {
            return refused;
        }
        var title = ModelState.Required(nameof(Title), Title, "Enter what the milestone is", Milestone.TitleMaxLength, "The milestone");
        var dueOn = DueOn.Read(ModelState, nameof(DueOn), "the due date");
        var state = ModelState.Choice<MilestoneState>(nameof(State), State, "Select the milestone's state");
        var evidence = ModelState.Optional(nameof(Evidence), Evidence, Milestone.EvidenceMaxLength, "The evidence");
        DateOnly? metOn = null;
        if (state == MilestoneState.Met)
        {
            if (string.IsNullOrWhiteSpace(Evidence))
            {
                ModelState.AddModelError(nameof(Evidence), "Give the evidence that the milestone was met: a link, or what shows it");
            }
            metOn = MetOn.Read(ModelState, nameof(MetOn), "the date it was met");
        }
        return await this.ChangeAsync(async () =>
        {
            await commitments.ChangeMilestoneAsync(reference, number, new MilestoneChange(title!, dueOn!.Value, state!.Value, evidence, metOn), User, cancellationToken);
            return new Changed($"{CommitmentWorkflow.UrlOf(Commitment.Reference)}#milestone-{number}", $"Milestone {number} has been updated");
        }, nameof(State));
    }

    private async Task<IActionResult?> LoadAsync(string reference, int number, CancellationToken cancellationToken)
    {
        Commitment = await commitments.FindAsync(reference, cancellationToken);
        if (Commitment.Milestones.SingleOrDefault(m => m.Number == number) is not { } milestone)
        {
            return NotFound();
        }
        Milestone = milestone;
        return CommitmentPermissions.CanRun(User, Commitment) ? null : Forbid();
    }
}
