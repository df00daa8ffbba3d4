using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <summary>Authors change their comment within 15 minutes; the earlier wording is kept.</summary>
[Authorize]
public sealed class EditModel(CommentThreads comments, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Body { get; set; }

    public CommentableItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (comment, item) = await comments.FindAsync(id, User, cancellationToken);
        if (!CommentPermissions.CanEdit(User, comment, clock.GetUtcNow().UtcDateTime))
        {
            return Forbid();
        }
        (Item, Body) = (item, comment.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        (var comment, Item) = await comments.FindAsync(id, User, cancellationToken);
        if (comment.AuthorId != User.UserId())
        {
            return Forbid(); // the author past the fifteen minutes is told why, in the form
        }
        return await this.ChangeAsync(() => comments.EditAsync(id, Body ?? "", User, cancellationToken), "", $"{Item.Url}#comment-{id}", nameof(Body));
    }
}
