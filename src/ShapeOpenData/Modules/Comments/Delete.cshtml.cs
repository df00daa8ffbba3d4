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
        try
        {
            (_, Item) = await comments.FindAsync(id, User, cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            (_, Item) = await comments.FindAsync(id, User, cancellationToken);
            await comments.DeleteAsync(id, User, cancellationToken);
            TempData.Success("The comment has been deleted");
            return Redirect($"{Item.Url}#comment-{id}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}
