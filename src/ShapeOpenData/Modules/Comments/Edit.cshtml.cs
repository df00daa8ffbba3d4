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
        try
        {
            var (comment, item) = await comments.FindAsync(id, User, cancellationToken);
            if (!CommentPermissions.CanEdit(User, comment, clock.GetUtcNow().UtcDateTime))
            {
                return Forbid();
            }
            (Item, Body) = (item, comment.Body);
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
            await comments.EditAsync(id, Body ?? "", User, cancellationToken);
            return Redirect($"{Item.Url}#comment-{id}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (RuleException rule)
        {
            ModelState.AddModelError(nameof(Body), rule.Message);
            return this.Invalid();
        }
    }
}
