using ShapeOpenData.Modules.Shared;
namespace ShapeOpenData.Modules.Comments;

/// <summary>
/// A comment on an item, or a reply to one (one level only). Its author may edit it for 15 minutes, with
/// every earlier wording kept; deleting leaves a placeholder so replies keep their place.
/// </summary>
public sealed class Comment
{
    public const int BodyMaxLength = 5_000;
    public const int QuoteMaxLength = 1_000;
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    public int Id { get; private set; }
    public string TargetType { get; private set; } = "";
    public int TargetId { get; private set; }
    public int? ParentId { get; private set; }
    public int AuthorId { get; private set; }

    /// <summary>Markdown, shown through the sanitiser.</summary>
    public string Body { get; private set; } = "";

    /// <summary>A passage of the item's text the comment answers, checked to be in it when posted.</summary>
    public string? Quote { get; private set; }

    /// <summary>Made by someone who answers for the item (a publisher of its organisation, or the programme team).</summary>
    public bool IsOfficial { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? EditedAt { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public List<CommentRevision> Revisions { get; private set; } = [];

    /// <summary>Hidden by a moderator, or waiting for their approval: replies keep their place either way.</summary>
    public ModerationState Moderation { get; private set; } = new();

    public bool IsDeleted => DeletedAt is not null;

    private Comment() { }

    public static Comment Write(string targetType, int targetId, Comment? parent, int authorId, string body, bool isOfficial, bool held, DateTime now, string? quote = null)
    {
        if (quote?.Length > QuoteMaxLength)
        {
            throw new FieldRuleException(nameof(Quote), $"The passage you quote must be {QuoteMaxLength:N0} characters or fewer");
        }
        if (parent is not null && (parent.TargetType != targetType || parent.TargetId != targetId))
        {
            throw new RuleException("You can only reply to a comment on the same page");
        }
        if (parent?.ParentId is not null)
        {
            throw new RuleException("Replies go under the comment they answer; you cannot reply to a reply");
        }
        return new Comment
        {
            TargetType = targetType, TargetId = targetId, ParentId = parent?.Id, AuthorId = authorId,
            Body = Checked(body), Quote = quote, IsOfficial = isOfficial, CreatedAt = now, Moderation = held ? ModerationState.Held() : new(),
        };
    }

    public bool CanBeEditedBy(int userId, DateTime now) => userId == AuthorId && !IsDeleted && now - CreatedAt <= EditWindow;

    public void Edit(int userId, string body, DateTime now)
    {
        if (!CanBeEditedBy(userId, now))
        {
            throw new RuleException("Comments can only be changed by their author, within 15 minutes of posting");
        }
        Revisions.Add(new CommentRevision { Body = Body, ReplacedAt = now });
        Body = Checked(body);
        EditedAt = now;
    }

    /// <summary>The wording goes into the history (for moderators); the page shows a placeholder.</summary>
    public void Delete(DateTime now)
    {
        if (IsDeleted)
        {
            return;
        }
        Revisions.Add(new CommentRevision { Body = Body, ReplacedAt = now });
        Body = "";
        DeletedAt = now;
    }

    /// <summary>A moderator edits personal data out: the wording it replaces is kept by the moderation module, for administrators only.</summary>
    public void Redact(string body, DateTime now)
    {
        Body = Checked(body);
        Revisions.Clear();
        Moderation.Apply(new ModerationChange.Redact(new Dictionary<string, string>()), now);
    }

    /// <summary>Whether <paramref name="readerId"/> may read its words: everyone, unless hidden or held; then its author and moderators.</summary>
    /// <summary>What readers see, in Markdown: the quoted passage, if any, then the comment.</summary>
    public string Shown => Quote is null ? Body : $"> {Quote.ReplaceLineEndings(" ")}\n\n{Body}";

    public bool IsReadableBy(int? readerId, bool moderates) => Moderation.IsPublic || moderates || readerId == AuthorId;

    private static string Checked(string body)
    {
        var text = body.Trim();
        if (text.Length == 0)
        {
            throw new RuleException("Enter your comment");
        }
        if (text.Length > BodyMaxLength)
        {
            throw new RuleException($"Your comment must be {BodyMaxLength} characters or fewer");
        }
        return text;
    }
}

public sealed class CommentRevision
{
    public int Id { get; set; }
    public int CommentId { get; set; }
    public string Body { get; set; } = "";
    public DateTime ReplacedAt { get; set; }
}
