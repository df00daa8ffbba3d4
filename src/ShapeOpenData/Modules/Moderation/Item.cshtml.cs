using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>
/// One item's moderation record — the content in context, its reports, its author's history — and every decision a
/// moderator can take on it, each in one step. The queue's quick actions post here too, and come back to the queue.
/// </summary>
[Authorize(Roles = $"{Roles.Moderator},{Roles.ProgrammeTeam},{Roles.Administrator}")]
public sealed class ItemModel(ModerationViews queue, ModerationDesk desk) : PageModel
{
    public static readonly IReadOnlyList<GovukOption> HideReasons =
        [.. GovukOption.FromEnum<ModerationReason>().Where(o => o.Value != "other").Append(new("other", "Breaks the rules in another way"))];

    public static readonly IReadOnlyList<GovukOption> Periods = GovukOption.FromEnum<BlockPeriod>();

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public string? BlockReason { get; set; }
    [BindProperty] public string? BlockNote { get; set; }
    [BindProperty] public string? ReviewNote { get; set; }
    [BindProperty] public Dictionary<string, string> Fields { get; set; } = [];
    [BindProperty] public string? Answer { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public QueueEntry Entry { get; private set; } = null!;

    public string Back => Forms.SafeReturnUrl(ReturnUrl ?? "/moderation");

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken cancellationToken)
    {
        Entry = await queue.EntryAsync(type, id, User, cancellationToken);
        if (Entry.Item is not null)
        {
            Fields = Entry.Item.Fields.ToDictionary(f => f.Name, f => f.Text);
        }
        return Page();
    }

    public Task<IActionResult> OnPostHideAsync(string type, int id, CancellationToken cancellationToken)
    {
        var reason = ModelState.Choice<ModerationReason>(nameof(Reason), Reason, "Select why it is being hidden");
        return DecideAsync(type, id, () => new Verdict.Hide(reason!.Value, Note), "Hidden. Its author and the people who reported it have been told", cancellationToken);
    }

    public Task<IActionResult> OnPostRestoreAsync(string type, int id, CancellationToken cancellationToken) =>
        DecideAsync(type, id, () => new Verdict.Restore(Note), "Restored. Its author and the people who reported it have been told", cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(string type, int id, CancellationToken cancellationToken) =>
        DecideAsync(type, id, () => new Verdict.Dismiss(Note), "Reports dismissed. The people who reported it have been told", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(string type, int id, CancellationToken cancellationToken) =>
        DecideAsync(type, id, () => new Verdict.Approve(Note), "Approved. Everyone can see it now", cancellationToken);

    public Task<IActionResult> OnPostRedactAsync(string type, int id, CancellationToken cancellationToken) =>
        DecideAsync(type, id, () => new Verdict.Redact(Fields, Note), "Personal data edited out. The original is kept for administrators only", cancellationToken);

    public async Task<IActionResult> OnPostBlockAsync(string type, int id, CancellationToken cancellationToken)
    {
        Entry = await queue.EntryAsync(type, id, User, cancellationToken);
        var period = ModelState.Choice<BlockPeriod>(nameof(Period), Period, "Select how long to block them for");
        var reason = ModelState.Choice<ModerationReason>(nameof(BlockReason), BlockReason, "Select why they are being blocked");
        CheckNote(nameof(BlockNote), BlockNote);
        if (Entry.History.AuthorId is not { } authorId)
        {
            throw new NotFoundException("Nobody can be blocked for this");
        }
        return await this.ChangeAsync(() => desk.BlockAsync(authorId, period!.Value, reason!.Value, BlockNote, User, cancellationToken),
            $"{Entry.History.Name} is blocked. They have been told why and until when", Here(type, id), nameof(Period), () => ReloadAsync(type, id, cancellationToken));
    }

    public async Task<IActionResult> OnPostReviewAsync(string type, int id, CancellationToken cancellationToken)
    {
        Entry = await queue.EntryAsync(type, id, User, cancellationToken);
        var decision = Entry.AwaitingReview ?? throw new NotFoundException("Nobody has asked for a review of this");
        CheckNote(nameof(ReviewNote), ReviewNote);
        if (Answer is not ("uphold" or "overturn"))
        {
            ModelState.AddModelError(nameof(Answer), "Select whether the decision stands");
        }
        return await this.ChangeAsync(() => desk.ReviewAsync(decision.Id, Answer == "overturn", ReviewNote, User, cancellationToken),
            Answer == "overturn" ? "Decision overturned. The person has been told" : "Decision upheld. The person has been told",
            Back, nameof(Answer), () => ReloadAsync(type, id, cancellationToken));
    }

    private async Task<IActionResult> DecideAsync(string type, int id, Func<Verdict> verdict, string done, CancellationToken cancellationToken)
    {
        CheckNote(nameof(Note), Note);
        var error = ModelState.Keys.FirstOrDefault() ?? nameof(Reason);
        return await this.ChangeAsync(() => desk.DecideAsync(type, id, verdict(), User, cancellationToken), done, Back, error,
            () => ReloadAsync(type, id, cancellationToken));
    }

    private void CheckNote(string key, string? note) => ModelState.Optional(key, note, ModerationDecision.NoteMaxLength, "The note");

    private async Task ReloadAsync(string type, int id, CancellationToken cancellationToken) => Entry = await queue.EntryAsync(type, id, User, cancellationToken);

    private static string Here(string type, int id) => $"/moderation/items/{type}/{id}";
}
