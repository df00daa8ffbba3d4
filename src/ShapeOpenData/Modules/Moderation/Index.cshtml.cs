using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>The moderation queue: what waits for a moderator, oldest first, narrowed by reason, kind of content and state.</summary>
[Authorize(Roles = $"{Roles.Moderator},{Roles.ProgrammeTeam},{Roles.Administrator}")]
public sealed class IndexModel(ModerationViews queue, ModerationDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    public IReadOnlyList<QueueEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + ModerationViews.PageSize - 1) / ModerationViews.PageSize);

    public IReadOnlyList<GovukOption> Reasons { get; } = [new("", "Any reason"), .. GovukOption.FromEnum<ModerationReason>()];
    public IReadOnlyList<GovukOption> Types => [new("", "Any kind"), .. desk.Kinds.Select(k => new GovukOption(k.Type, k.Label)), new(ModerationDecision.Account, "Account")];

    /// <param name="page">Which page of the queue (the name "page" is Razor Pages' own route value, so it is read here).</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var reason = ModelState.OptionalChoice<ModerationReason>(nameof(Reason), Reason, "Select a reason from the list");
        if (Type is { Length: > 0 } && Types.All(t => t.Value != Type))
        {
            ModelState.AddModelError(nameof(Type), "Select a kind of content from the list");
        }
        State ??= "waiting";
        if (ModerationViews.States.All(s => s.Value != State))
        {
            ModelState.AddModelError(nameof(State), "Select a state from the list");
        }
        PageNumber = Pagination.PageNumber(ModelState, page);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        (Entries, Total) = await queue.PageAsync(new QueueFilter(reason, Type is { Length: > 0 } ? Type : null, State), PageNumber, User, cancellationToken);
        return Page();
    }
}
