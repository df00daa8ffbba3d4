using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <param name="Html">Its words, or empty when the reader may not read them (deleted, hidden, or waiting for approval).</param>
/// <param name="Notice">What moderators did, like "Hidden by a moderator: Spam or advertising", for everyone who sees the comment's place.</param>
public sealed record CommentView(
    int Id, int? ParentId, int AuthorId, string AuthorName, bool IsOfficial, string Html, DateTime CreatedAt, DateTime? EditedAt,
    bool IsDeleted, string? Notice, bool CanEdit, bool CanDelete, IReadOnlyList<CommentView> Replies);

/// <summary>One page of an item's comments: threads (a comment and its replies), oldest first.</summary>
/// <param name="CanQuote">A comment may quote a passage of the item's text.</param>
public sealed record CommentPage(string TargetType, int TargetId, IReadOnlyList<CommentView> Threads, int Page, int PageCount, int Total, bool CanComment, bool CanQuote = false);

/// <summary>Reading, writing, editing, deleting and reporting comments on any item that opts in.</summary>
public sealed class CommentThreads(
    AppDbContext db, TimeProvider clock, IEnumerable<ICommentable> commentables, Notifier notifier, Following following, ServiceLinks links,
    IPreModeration preModeration, DomainEvents events)
{
    private const string ItemType = CommentsModule.ItemType;

    /// <summary>Twenty conversations a page keep even the busiest thread quick to load on a phone.</summary>
    public const int ThreadsPerPage = 20;

    public async Task<CommentableItem?> FindItemAsync(string type, int id, ClaimsPrincipal reader, CancellationToken cancellationToken) =>
        commentables.FirstOrDefault(c => c.Type == type) is { } commentable ? await commentable.FindAsync(id, reader, cancellationToken) : null;

    /// <summary>How many comments and replies everyone can read on each of <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountsAsync(string type, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await db.Comments.Where(c => c.TargetType == type && ids.Contains(c.TargetId) && c.DeletedAt == null
                && c.Moderation.HiddenAt == null && !c.Moderation.AwaitingApproval)
            .GroupBy(c => c.TargetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<CommentPage> PageAsync(string type, int id, int page, ClaimsPrincipal reader, bool canComment, CancellationToken cancellationToken)
    {
        // A comment waiting for approval is in the conversation only for its author and moderators, until approved.
        var readerId = reader.UserId() ?? 0;
        var moderates = reader.Moderates();
        var shown = db.Comments.AsNoTracking().Where(c => !c.Moderation.AwaitingApproval || moderates || c.AuthorId == readerId);
        var threads = shown.Where(c => c.TargetType == type && c.TargetId == id && c.ParentId == null);
        var total = await threads.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + ThreadsPerPage - 1) / ThreadsPerPage);
        page = Math.Clamp(page, 1, pageCount);
        var top = await Viewed(threads.OrderBy(c => c.Id).Skip((page - 1) * ThreadsPerPage).Take(ThreadsPerPage)).ToListAsync(cancellationToken);
        var parentIds = top.Select(c => c.Comment.Id).ToList();
        var replies = await Viewed(shown.Where(c => c.ParentId != null && parentIds.Contains(c.ParentId.Value)).OrderBy(c => c.Id))
            .ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        CommentView View(Authored row, IReadOnlyList<CommentView> children) => new(
            row.Comment.Id, row.Comment.ParentId, row.Comment.AuthorId, row.Author, row.Comment.IsOfficial,
            row.Comment.IsDeleted || !row.Comment.IsReadableBy(readerId, moderates) ? "" : Markdown.ToSafeHtml(row.Comment.Shown),
            row.Comment.CreatedAt, row.Comment.EditedAt, row.Comment.IsDeleted, row.Comment.Moderation.Notice,
            CommentPermissions.CanEdit(reader, row.Comment, now), !row.Comment.IsDeleted && CommentPermissions.CanDelete(reader, row.Comment), children);
        var repliesByParent = replies.ToLookup(r => r.Comment.ParentId!.Value);
        return new CommentPage(type, id,
            [.. top.Select(t => View(t, [.. repliesByParent[t.Comment.Id].Select(r => View(r, []))]))],
            page, pageCount, total, canComment);
    }

    /// <param name="quote">A passage of the item's own text the comment answers (<see cref="CommentableItem.QuotableText"/>), or null.</param>
    public async Task<Comment> PostAsync(string type, int targetId, int? parentId, string body, ClaimsPrincipal author, CancellationToken cancellationToken, string? quote = null)
    {
        var item = await FindItemAsync(type, targetId, author, cancellationToken) ?? throw new NotFoundException("There is no such comment");
        if (!CommentPermissions.CanComment(author, item))
        {
            throw new ForbiddenException("You cannot do that to this comment");
        }
        quote = Quotes.Checked(quote, item.QuotableText);
        var authorId = author.UserId()!.Value;
        var parent = parentId is { } id ? await db.Comments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such comment") : null;
        var held = !item.SpeaksOfficially && await preModeration.HoldsAsync(authorId, placeRequiresIt: false, cancellationToken);
        var comment = Comment.Write(type, targetId, parent, authorId, body, item.SpeaksOfficially, held, clock.UtcNow(), quote);

        // The comment, its author following the item and the followers' emails are kept together, or none of them.
        return await db.InOneTransactionAsync(async () =>
        {
            db.Comments.Add(comment);
            await following.FollowAsync(authorId, type, targetId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (held)
            {
                // Nobody else reads it until a moderator approves it, so nobody is emailed its words.
                await events.RaiseAsync(new ContentHeld(ItemType, comment.Id, authorId), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return comment;
            }
            var kind = comment.IsOfficial ? "Official answer" : parent is null ? "New comment" : "New reply";
            await notifier.NotifyFollowersAsync(new Notification(
                    $"comment:{comment.Id}", $"{kind}: {item.Title}",
                    $"""
                    {author.DisplayName()} wrote on "{item.Title}":

                    {comment.Shown}

                    Read it and reply: {links.Absolute($"{item.Url}#comment-{comment.Id}")}
                    """,
                    $"follow:{type}:{targetId}"),
                new FollowableItem(type, targetId), authorId, cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return comment;
        }, cancellationToken);
    }

    public async Task<(Comment Comment, CommentableItem Item)> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.Include(c => c.Revisions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null || (comment.Moderation.AwaitingApproval && !comment.IsReadableBy(reader.UserId(), reader.Moderates())))
        {
            throw new NotFoundException("There is no such comment");
        }
        var item = await FindItemAsync(comment.TargetType, comment.TargetId, reader, cancellationToken) ?? throw new NotFoundException("There is no such comment");
        return (comment, item);
    }

    public async Task EditAsync(int id, string body, ClaimsPrincipal author, CancellationToken cancellationToken)
    {
        var (comment, _) = await FindAsync(id, author, cancellationToken);
        var before = CommentSnapshot.Of(comment);
        var now = clock.UtcNow();
        comment.Edit(author.UserId() ?? -1, body, now);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, comment.Id, "edited", author.UserId(), now, before, CommentSnapshot.Of(comment)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Authors delete their own comments.</summary>
    public async Task DeleteAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (comment, _) = await FindAsync(id, user, cancellationToken);
        if (!CommentPermissions.CanDelete(user, comment))
        {
            throw new ForbiddenException("You cannot do that to this comment");
        }
        if (comment.IsDeleted)
        {
            return;
        }
        var before = CommentSnapshot.Of(comment);
        var now = clock.UtcNow();
        comment.Delete(now);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, comment.Id, "deleted", user.UserId(), now, before, CommentSnapshot.Of(comment)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private IQueryable<Authored> Viewed(IQueryable<Comment> comments) =>
        from comment in comments
        join author in db.Users on comment.AuthorId equals author.Id
        select new Authored(comment, author.DeletedAt == null ? author.DisplayName : User.FormerParticipant);

    private sealed record Authored(Comment Comment, string Author);
}

/// <summary>The comment as the audit log records it, before and after an edit or deletion (a moderator's too).</summary>
public sealed record CommentSnapshot(string TargetType, int TargetId, int? ParentId, int AuthorId, string Body, bool IsDeleted)
{
    public static CommentSnapshot Of(Comment c) => new(c.TargetType, c.TargetId, c.ParentId, c.AuthorId, c.Body, c.IsDeleted);
}

