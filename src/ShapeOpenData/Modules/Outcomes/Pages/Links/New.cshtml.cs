using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes.Pages.Links;

/// <summary>
/// Links an input to an outcome it led to, with the reason: for the programme team, and for publishers to the outcomes
/// their organisation looks after. Opened from an item's page with that item filled in.
/// </summary>
[Authorize]
public sealed class NewModel(LinkWorkflow workflow) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? InputType { get; set; }
    [BindProperty(SupportsGet = true)] public string? InputReference { get; set; }
    [BindProperty(SupportsGet = true)] public string? OutcomeType { get; set; }
    [BindProperty(SupportsGet = true)] public string? OutcomeReference { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<GovukOption> Inputs { get; private set; } = [];
    public IReadOnlyList<GovukOption> Outcomes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!LinkWorkflow.MayLinkSome(User))
        {
            return Forbid();
        }
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LinkWorkflow.MayLinkSome(User))
        {
            return Forbid();
        }
        Load();
        // What can be told without looking anything up is told at once; which items, and who may link them, the workflow tells.
        if (!workflow.InputTypes.Contains(InputType ?? ""))
        {
            ModelState.AddModelError(nameof(InputType), LinkWorkflow.ChooseInput);
        }
        ModelState.Required(nameof(InputReference), InputReference, "Enter which one led to it", 200, "What led to it");
        if (!workflow.OutcomeKinds.Any(k => k.Type == OutcomeType))
        {
            ModelState.AddModelError(nameof(OutcomeType), LinkWorkflow.ChooseOutcome);
        }
        ModelState.Required(nameof(OutcomeReference), OutcomeReference, "Enter which outcome", 200, "The outcome");
        ModelState.Required(nameof(Reason), Reason, "Enter why this led to it, in one line", OutcomeLink.ReasonMaxLength, "The reason");
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        try
        {
            var link = await workflow.LinkAsync(new LinkRequest(InputType, InputReference, OutcomeType, OutcomeReference, Reason), User, cancellationToken);
            TempData.Success("The link has been published: it shows on both items' pages and in the chains of outcomes");
            return Redirect($"/outcomes?through={link.Outcome}");
        }
        catch (FieldRuleException wrong)
        {
            ModelState.AddModelError(wrong.Field, wrong.Message);
            return this.Invalid();
        }
    }

    private void Load()
    {
        Inputs = [new("", "Choose"), .. workflow.InputTypes.Select(t => new GovukOption(t, ItemTypes.SentenceNameOf(t), null))];
        Outcomes = [.. workflow.OutcomeKinds.Select(k => new GovukOption(k.Type, ItemTypes.SentenceNameOf(k.Type), k.HowToName))];
    }
}
