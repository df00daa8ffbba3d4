using System.Globalization;
using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <summary>Comments as moderators act on them, through the contract every kind of written content will share.</summary>
internal sealed class CommentModeration(CommentThreads threads) : IModeratable
{
    public const string Type = "comment";

    string IModeratable.Type => Type;

    public async Task<ModeratedItem?> FindAsync(int id, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        try
        {
            var (comment, item) = await threads.FindAsync(id, moderator, cancellationToken);
            var traced = new TracedItem(Type, comment.Id, comment.Id.ToString(CultureInfo.InvariantCulture), $"Comment on {item.Title}", $"{item.Url}#comment-{comment.Id}");
            return new ModeratedItem(traced, comment.Body, comment.AuthorId, comment.IsDeleted);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public Task HideAsync(int id, ClaimsPrincipal moderator, CancellationToken cancellationToken) =>
        moderator.IsModerator() ? threads.DeleteAsync(id, moderator, cancellationToken) : throw new ForbiddenException("You cannot do that to this comment");
}
