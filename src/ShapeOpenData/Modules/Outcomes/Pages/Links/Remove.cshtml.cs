using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes.Pages.Links;

/// <summary>Removes a link made by mistake, after asking: for the programme team and the outcome's owner. The audit log keeps it.</summary>
[Authorize]
public sealed class RemoveModel(LinkWorkflow workflow, Items items) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> Answers = [new("yes", "Yes, remove it", null), new("no", "No, keep it", null)];

    [BindProperty] public string? Confirm { get; set; }

    public OutcomeLink Link { get; private set; } = null!;
    public TracedItem? Input { get; private set; }
    public TracedItem? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return Forbid();
        }
        switch (Confirm)
        {
            case "yes":
                await workflow.UnlinkAsync(id, User, cancellationToken);
                TempData.Success("The link has been removed");
                return Redirect($"/outcomes?through={Link.Outcome}");
            case "no":
                return Redirect($"/outcomes?through={Link.Outcome}");
            default:
                ModelState.AddModelError(nameof(Confirm), "Select yes to remove the link, or no to keep it");
                return this.Invalid();
        }
    }

    /// <summary>The link and its items, when the reader may remove it.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Link = await workflow.FindLinkAsync(id, cancellationToken);
        if (!await workflow.MayLinkToAsync(Link.Outcome, User, cancellationToken))
        {
            return false;
        }
        var found = await items.PublicAsync([Link.Input, Link.Outcome], cancellationToken);
        (Input, Outcome) = (found.GetValueOrDefault(Link.Input), found.GetValueOrDefault(Link.Outcome));
        return true;
    }
}
