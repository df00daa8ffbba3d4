using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <summary>Reporting a comment for moderation; the report is kept for the moderation queue.</summary>
[Authorize]
public sealed class ReportModel(CommentThreads comments) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public CommentableItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        (_, Item) = await comments.FindAsync(id, User, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        (_, Item) = await comments.FindAsync(id, User, cancellationToken);
        var reason = ModelState.Required(nameof(Reason), Reason, "Say what is wrong with the comment", 1_000, "The reason");
        return await this.ChangeAsync(() => comments.ReportAsync(id, reason!, User, cancellationToken),
            "Thank you. A moderator will look at the comment", $"{Item.Url}#comment-{id}", nameof(Reason));
    }
}
