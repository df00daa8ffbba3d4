using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <summary>
/// Posting a comment or a reply. The form on an item's page posts here; this page also shows the reply
/// form, and the form again with its error when something is wrong.
/// </summary>
[Authorize]
public sealed class NewModel(CommentThreads comments, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? TargetType { get; set; }
    [BindProperty(SupportsGet = true)] public int TargetId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Parent { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Quote { get; set; }

    public CommentableItem? Item { get; private set; }
    public CommentView? Replying { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        return await this.ChangeAsync(async () =>
        {
            var comment = await comments.PostAsync(TargetType!, TargetId, Parent, Body ?? "", User, cancellationToken, Parent is null ? Quote : null);
            return new Changed($"{Item!.Url}#comment-{comment.Id}");
        }, nameof(Body));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Parent is { } parentId)
        {
            var parent = await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == parentId, cancellationToken);
            var readable = parent?.IsReadableBy(User.UserId(), User.Moderates()) == true;
            if (parent is null || (parent.Moderation.AwaitingApproval && !readable))
            {
                return false;
            }
            (TargetType, TargetId) = (parent.TargetType, parent.TargetId);
            var author = await db.Users.Where(u => u.Id == parent.AuthorId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            Replying = new CommentView(parentId, parent.ParentId, parent.AuthorId, author, parent.IsOfficial,
                readable && !parent.IsDeleted ? Infrastructure.Markdown.ToSafeHtml(parent.Body) : "", parent.CreatedAt, null, parent.IsDeleted, parent.Moderation.Notice, false, false, []);
        }
        Item = TargetType is null ? null : await comments.FindItemAsync(TargetType, TargetId, User, cancellationToken);
        return Item is not null;
    }
}
