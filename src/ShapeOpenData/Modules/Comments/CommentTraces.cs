using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <summary>
/// Comments as inputs of a traceability link ("this comment led to that change"): known by their number, as
/// "comment 34", or by their address, which is their place on their item's page (<c>/requests/12#comment-34</c>).
/// Only comments everyone may read are given: not deleted, hidden or waiting for a moderator, on an item its own
/// module lets everyone see (asked through <see cref="ICommentable"/>).
/// </summary>
internal sealed partial class CommentTraces(AppDbContext db, IEnumerable<ICommentable> commentables) : ITraceable
{
    public string Type => ItemTypes.Comment;

    /// <summary>A comment as it is named wherever it is linked to, moderated or traced: "Comment on {its item}", at its anchor.</summary>
    public static TracedItem Of(int id, CommentableItem item) =>
        new(ItemTypes.Comment, id, id.ToString(CultureInfo.InvariantCulture), $"Comment on {item.Title}", $"{item.Url}#comment-{id}");

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.DeletedAt == null && c.Moderation.HiddenAt == null && !c.Moderation.AwaitingApproval)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.TargetType, c.TargetId }).ToListAsync(cancellationToken);
        var anyone = new ClaimsPrincipal(new ClaimsIdentity());
        var items = new Dictionary<(string, int), CommentableItem?>();
        var traced = new List<TracedItem>();
        foreach (var comment in comments)
        {
            var target = (comment.TargetType, comment.TargetId);
            if (!items.TryGetValue(target, out var item))
            {
                item = items[target] = commentables.FirstOrDefault(c => c.Type == comment.TargetType) is { } commentable
                    ? await commentable.FindAsync(comment.TargetId, anyone, cancellationToken)
                    : null;
            }
            if (item is not null)
            {
                traced.Add(Of(comment.Id, item));
            }
        }
        return traced;
    }

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken) =>
        Named().Match(reference.Trim()) is { Success: true } key
            ? (await PublicAsync([int.Parse(key.Groups["number"].Value, CultureInfo.InvariantCulture)], cancellationToken)).SingleOrDefault()
            : null;

    /// <summary>"comment 34", "34", or its address, absolute or not.</summary>
    [GeneratedRegex(@"^(?:comment\s+|.*#comment-)?(?<number>\d{1,9})$", RegexOptions.IgnoreCase)]
    private static partial Regex Named();
}
