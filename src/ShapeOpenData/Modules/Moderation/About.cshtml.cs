using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>
/// For the person a decision is about: what moderators decided about their content (or account), why, what it means,
/// and, once, a way to ask a different moderator to review it.
/// </summary>
[Authorize]
public sealed class AboutModel(AppDbContext db, ModerationDesk desk, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public ModerationDecision? Decision { get; private set; }
    public ModerationDecision? Answer { get; private set; }
    /// <summary>The block the person is under now, if any.</summary>
    public Block? Block { get; private set; }
    public ModeratedItem? Item { get; private set; }
    public string Label { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(type, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(type, id, cancellationToken);
        var decision = Decision ?? throw new NotFoundException("There is nothing to review");
        ModelState.Required(nameof(Reason), Reason, "Say why the decision should change", ModerationDecision.ReviewReasonMaxLength, "Your reason");
        return await this.ChangeAsync(() => desk.AskForReviewAsync(decision.Id, Reason!, User, cancellationToken),
            "Thank you. A different moderator will review the decision, and we will email you what they decide", Request.Path, nameof(Reason),
            () => LoadAsync(type, id, cancellationToken));
    }

    private async Task LoadAsync(string type, int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (type == ModerationDecision.Account)
        {
            if (id != userId) throw new NotFoundException("There is no such decision");
            Label = "account";
            Block = await Blocks.ActiveAsync(db, id, clock.UtcNow(), cancellationToken);
        }
        else
        {
            Item = await desk.FindAsync(type, id, User, cancellationToken);
            if (Item.AuthorId != userId) throw new NotFoundException("There is no such decision");
            Label = desk.Kind(type).Label.ToLowerInvariant();
        }
        Decision = await db.ModerationDecisions.AsNoTracking()
            .Where(d => d.ItemType == type && d.ItemId == id && d.AuthorId == userId
                        && (d.Kind == DecisionKind.Hide || d.Kind == DecisionKind.AutoHide || d.Kind == DecisionKind.Block || d.Kind == DecisionKind.Redact))
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (Decision?.ReviewAnswerId is { } answer)
        {
            Answer = await db.ModerationDecisions.AsNoTracking().SingleAsync(d => d.Id == answer, cancellationToken);
        }
    }
}
