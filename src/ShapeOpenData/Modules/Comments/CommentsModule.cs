using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <summary>Comments as a shared module: any item opts in by registering an <see cref="ICommentable"/>.</summary>
public static class CommentsModule
{
    /// <summary>What the audit log calls a comment.</summary>
    public const string ItemType = ItemTypes.Comment;

    public static WebApplicationBuilder AddComments(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommentThreads>();
        builder.Services.AddScoped<IPersonalData, CommentsPersonalData>();
        builder.Services.AddScoped<IModeratable, CommentModeration>();
        builder.Services.AddScoped<ITraceable, CommentTraces>();
        return builder;
    }
}

internal sealed class CommentMapping : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.Property(c => c.TargetType).HasMaxLength(40).IsRequired();
        comment.Property(c => c.Body).HasMaxLength(Comment.BodyMaxLength).IsRequired();
        comment.Property(c => c.Quote).HasMaxLength(Comment.QuoteMaxLength);
        comment.HasIndex(c => new { c.TargetType, c.TargetId, c.ParentId, c.Id });
        comment.HasIndex(c => c.ParentId);
        comment.HasIndex(c => c.AuthorId);
        comment.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        comment.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        comment.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.CommentId);
        comment.HasModeration(c => c.Moderation);
    }
}

internal sealed class CommentRevisionMapping : IEntityTypeConfiguration<CommentRevision>
{
    public void Configure(EntityTypeBuilder<CommentRevision> revision) =>
        revision.Property(r => r.Body).HasMaxLength(Comment.BodyMaxLength).IsRequired();
}

internal sealed class CommentsPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "comments";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken) => new
    {
        Written = await db.Comments.Where(c => c.AuthorId == userId).OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.TargetType, c.TargetId, c.ParentId, c.Body, c.IsOfficial, c.CreatedAt, c.EditedAt, c.DeletedAt,
                EarlierWordings = c.Revisions.OrderBy(r => r.Id).Select(r => new { r.Body, r.ReplacedAt }).ToList(),
            })
            .ToListAsync(cancellationToken),
    };

    /// <summary>
    /// Their comments stay in the conversation, as from a former participant; the earlier wordings kept for moderators
    /// go.
    /// </summary>
    public async Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken)
    {
        await db.CommentRevisions.Where(r => db.Comments.Any(c => c.Id == r.CommentId && c.AuthorId == person.UserId)).ExecuteDeleteAsync(cancellationToken);
    }
}
