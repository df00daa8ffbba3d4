using System.Security.Claims;

namespace ShapeOpenData.Modules.Comments;

/// <summary>What the comments module needs to know about an item a person is reading.</summary>
/// <param name="Title">What the item is called, for emails and pages.</param>
/// <param name="Url">Where the item is, like <c>/requests/12</c>.</param>
/// <param name="CanComment">Whether this person may add comments.</param>
/// <param name="SpeaksOfficially">Whether their comments are marked as official answers.</param>
public sealed record CommentableItem(string Title, string Url, bool CanComment, bool SpeaksOfficially)
{
    /// <summary>The item's own text, when a comment may quote a passage of it (a consultation's section); the passage must be in it.</summary>
    public string? QuotableText { get; init; }
}

/// <summary>A kind of item people can comment on. Its module answers for what a person may see and do.</summary>
public interface ICommentable
{
    /// <summary>The code used for comments on these items, like <c>request</c>.</summary>
    string Type { get; }

    /// <summary>The item as <paramref name="reader"/> sees it, or null when it does not exist or they may not see it.</summary>
    Task<CommentableItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken);
}
