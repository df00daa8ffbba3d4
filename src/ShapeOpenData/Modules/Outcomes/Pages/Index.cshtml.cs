using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes.Pages;

/// <summary>
/// Every chain from what people asked to what was done, newest link first, filtered by the kind of input and of outcome
/// it goes through, or by one item (from that item's page).
/// </summary>
public sealed class IndexModel(OutcomeChains chains, LinkWorkflow workflow, Items items) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Input { get; set; }
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public string? Through { get; set; }

    public IReadOnlyList<GovukOption> Inputs { get; private set; } = [];
    public IReadOnlyList<GovukOption> Outcomes { get; private set; } = [];
    public IReadOnlyList<OutcomeChain> Chains { get; private set; } = [];
    public int Total { get; private set; }
    public int CurrentPage { get; private set; } = 1;

    /// <summary>The item the chains go through, when the list is of one item's chains.</summary>
    public TracedItem? ThroughItem { get; private set; }

    public bool CanLink => LinkWorkflow.MayLinkSome(User);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Inputs = [new("", "Anything"), .. workflow.InputTypes.Select(t => new GovukOption(t, ItemTypes.SentenceNameOf(t), null))];
        Outcomes = [new("", "Anything"), .. workflow.OutcomeKinds.Select(k => new GovukOption(k.Type, ItemTypes.SentenceNameOf(k.Type), null))];
        CurrentPage = Pagination.PageNumber(ModelState, page);
        if (Empty(Input) is { } input && !workflow.InputTypes.Contains(input))
        {
            ModelState.AddModelError(nameof(Input), "Select a kind of item from the list");
        }
        if (Empty(Outcome) is { } outcome && !workflow.OutcomeKinds.Any(k => k.Type == outcome))
        {
            ModelState.AddModelError(nameof(Outcome), "Select a kind of outcome from the list");
        }
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        var filter = OutcomesApi.FilterOf(Empty(Input), Empty(Outcome), Empty(Through), workflow);
        if (filter.Through is { } through)
        {
            ThroughItem = (await items.PublicAsync([through], cancellationToken)).GetValueOrDefault(through);
            if (ThroughItem is null)
            {
                return NotFound();
            }
        }
        var found = await chains.FindAsync(filter, cancellationToken);
        Total = found.Count;
        Chains = [.. found.Skip((CurrentPage - 1) * PageSize).Take(PageSize)];
        return Page();
    }

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
