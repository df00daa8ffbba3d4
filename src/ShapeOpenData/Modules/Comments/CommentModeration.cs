using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <summary>Comments as moderators act on them, through the contract every kind of written content shares.</summary>
internal sealed class CommentModeration(CommentThreads threads, AppDbContext db, TimeProvider clock) : IModeratable
{
    public string Type => CommentsModule.ItemType;

    public string Label => "Comment";

    public async Task<ModeratedItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        try
        {
            var (comment, item) = await threads.FindAsync(id, reader, cancellationToken);
            if (comment.IsDeleted || !comment.IsReadableBy(reader.UserId(), reader.Moderates()))
            {
                return null;
            }
            var traced = CommentTraces.Of(comment.Id, item);
            return new ModeratedItem(traced, traced.Title, [new("body", "Comment", comment.Body, Comment.BodyMaxLength)],
                comment.AuthorId, comment.Moderation, comment.IsOfficial);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task ApplyAsync(int id, ModerationChange change, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.Include(c => c.Revisions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such comment");
        if (change is ModerationChange.Redact redact)
        {
            comment.Redact(redact.Fields["body"], clock.UtcNow());
            return;
        }
        comment.Moderation.Apply(change, clock.UtcNow());
    }
}
