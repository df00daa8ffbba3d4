using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages.Updates;

/// <summary>Posts a dated progress update, with its evidence; the commitment's followers are emailed.</summary>
[Authorize]
public sealed class NewModel(CommitmentWorkflow commitments, TimeProvider clock) : PageModel
{
    [BindProperty] public DateInput ReportedOn { get; set; } = new();
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Evidence { get; set; }

    public Commitment Commitment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        Commitment = await commitments.FindAsync(reference, cancellationToken);
        ReportedOn = DateInput.From(clock.Today());
        return CommitmentPermissions.CanRun(User, Commitment) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        Commitment = await commitments.FindAsync(reference, cancellationToken);
        if (!CommitmentPermissions.CanRun(User, Commitment))
        {
            return Forbid();
        }
        var reportedOn = ReportedOn.Read(ModelState, nameof(ReportedOn), "the date of the update");
        var text = ModelState.Required(nameof(Text), Text, "Say what progress has been made", ProgressUpdate.TextMaxLength, "The update");
        var evidence = ModelState.Optional(nameof(Evidence), Evidence, ProgressUpdate.EvidenceMaxLength, "The evidence");
        return await this.ChangeAsync(async () =>
        {
            await commitments.PostUpdateAsync(reference, reportedOn!.Value, text!, evidence, User, cancellationToken);
            return new Changed($"{CommitmentWorkflow.UrlOf(Commitment.Reference)}#updates", "Your progress update has been published");
        }, nameof(ReportedOn));
    }
}
