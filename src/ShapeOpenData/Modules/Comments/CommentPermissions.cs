using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <summary>
/// Who may do what to comments. Whether someone may comment on an item at all its own module says (through
/// <see cref="ICommentable"/>); the rest is answered here. Pages and views ask here; the server always checks.
/// </summary>
public static class CommentPermissions
{
    /// <summary>Someone signed in, on an item that lets them comment.</summary>
    public static bool CanComment(ClaimsPrincipal user, CommentableItem item) => item.CanComment && user.UserId() is not null;

    /// <summary>Anyone signed in may reply (the comment itself refuses a reply to a reply).</summary>
    public static bool CanReply(ClaimsPrincipal user) => user.UserId() is not null;

    /// <summary>Its author, while the comment allows changes (15 minutes from posting, and not once deleted).</summary>
    public static bool CanEdit(ClaimsPrincipal user, Comment comment, DateTime now) => user.UserId() is { } userId && comment.CanBeEditedBy(userId, now);

    /// <summary>Authors delete their own comments; moderators hide others' (with a reason, through the moderation queue).</summary>
    public static bool CanDelete(ClaimsPrincipal user, Comment comment) => comment.AuthorId == user.UserId();

    /// <summary>Anyone signed in may report someone else's comment to the moderators.</summary>
    public static bool CanReport(ClaimsPrincipal user, CommentView comment) => user.UserId() is { } userId && userId != comment.AuthorId;
}
