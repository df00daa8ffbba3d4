using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

[Authorize]
public sealed class DeleteModel(CommentThreads comments) : PageModel
{
    public CommentableItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        (var comment, Item) = await comments.FindAsync(id, User, cancellationToken);
        return CommentPermissions.CanDelete(User, comment) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        (_, Item) = await comments.FindAsync(id, User, cancellationToken);
        return await this.ChangeAsync(() => comments.DeleteAsync(id, User, cancellationToken),
            "The comment has been deleted", $"{Item.Url}#comment-{id}", "");
    }
}
