using System.ComponentModel.DataAnnotations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>Someone thinks a piece of content breaks the rules. One per person per item.</summary>
public sealed class ModerationReport
{
    public const int DetailMaxLength = 1_000;

    public int Id { get; private set; }
    public string ItemType { get; private set; } = "";
    public int ItemId { get; private set; }
    public int ReporterId { get; private set; }
    public ModerationReason Reason { get; private set; }

    /// <summary>What the reporter added in their own words; required for <see cref="ModerationReason.Other"/>.</summary>
    public string? Detail { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>Null while a moderator has not looked at it yet.</summary>
    public ReportOutcome? Outcome { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    private ModerationReport() { }

    public static ModerationReport Make(string itemType, int itemId, int reporterId, ModerationReason reason, string? detail, DateTime now)
    {
        var text = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim();
        if (reason == ModerationReason.Other && text is null)
        {
            throw new FieldRuleException("Detail", "Say what is wrong with it");
        }
        if (text?.Length > DetailMaxLength)
        {
            throw new FieldRuleException("Detail", $"What is wrong must be {DetailMaxLength:N0} characters or fewer");
        }
        return new ModerationReport { ItemType = itemType, ItemId = itemId, ReporterId = reporterId, Reason = reason, Detail = text, CreatedAt = now };
    }

    public void Close(ReportOutcome outcome, DateTime now)
    {
        Outcome = outcome;
        DecidedAt = now;
    }
}

public enum ReportOutcome
{
    /// <summary>A moderator agreed and acted: hid it or edited it.</summary>
    Upheld,

    /// <summary>A moderator left it up.</summary>
    Dismissed,
}

/// <summary>What a moderator (or the service, for an automatic hide) decided. Public in the log, without the note.</summary>
public enum DecisionKind
{
    [Display(Name = "Hidden")] Hide,
    [Display(Name = "Hidden automatically, pending review")] AutoHide,
    [Display(Name = "Restored")] Restore,
    [Display(Name = "Reports dismissed")] Dismiss,
    [Display(Name = "Approved")] Approve,
    [Display(Name = "Personal data edited out")] Redact,
    [Display(Name = "Author blocked")] Block,
    [Display(Name = "Review: decision upheld")] ReviewUpheld,
    [Display(Name = "Review: decision overturned")] ReviewOverturned,
}

/// <summary>One moderation decision on one item (or, for a block, on a person's account): the public log's lines.</summary>
public sealed class ModerationDecision
{
    public const int NoteMaxLength = 2_000;
    public const int ReviewReasonMaxLength = 2_000;

    /// <summary>The item type of a block: decisions about a person, not their content.</summary>
    public const string Account = "account";

    public int Id { get; private set; }
    public string ItemType { get; private set; } = "";
    public int ItemId { get; private set; }
    public DecisionKind Kind { get; private set; }
    public ModerationReason? Reason { get; private set; }

    /// <summary>The moderator's own note: internal, never in the public log.</summary>
    public string? Note { get; private set; }

    /// <summary>Null for what the service decided itself (hiding after enough reports).</summary>
    public int? ModeratorId { get; private set; }

    /// <summary>Whose content it was (or who was blocked), for their history and to tell them.</summary>
    public int? AuthorId { get; private set; }
    public DateTime DecidedAt { get; private set; }

    /// <summary>Where the content is, for the public log; null for a block.</summary>
    public string? Url { get; private set; }

    /// <summary>The wording before personal data was edited out, as JSON: for administrators only.</summary>
    public string? Original { get; private set; }

    public DateTime? ReviewAskedAt { get; private set; }
    public string? ReviewReason { get; private set; }

    /// <summary>The decision that answered the review, once a different moderator made it.</summary>
    public int? ReviewAnswerId { get; private set; }

    private ModerationDecision() { }

    public static ModerationDecision Make(
        string itemType, int itemId, DecisionKind kind, ModerationReason? reason, string? note, int? moderatorId, int? authorId, string? url, DateTime now,
        string? original = null)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text?.Length > NoteMaxLength)
        {
            throw new FieldRuleException("Note", $"The note must be {NoteMaxLength:N0} characters or fewer");
        }
        if (kind is DecisionKind.Hide or DecisionKind.Block && reason is null)
        {
            throw new FieldRuleException("Reason", "Choose a reason");
        }
        return new ModerationDecision
        {
            ItemType = itemType, ItemId = itemId, Kind = kind, Reason = reason, Note = text, ModeratorId = moderatorId, AuthorId = authorId,
            Url = url, DecidedAt = now, Original = original,
        };
    }

    /// <summary>Hides and blocks can be reviewed, once, at their author's request.</summary>
    public bool CanBeReviewed => Kind is DecisionKind.Hide or DecisionKind.Block && ReviewAskedAt is null;

    public bool AwaitsReview => ReviewAskedAt is not null && ReviewAnswerId is null;

    public void AskForReview(int userId, string reason, DateTime now)
    {
        if (userId != AuthorId)
        {
            throw new ForbiddenException("Only the person a decision is about can ask for it to be reviewed");
        }
        if (!CanBeReviewed)
        {
            throw new RuleException(ReviewAskedAt is null ? "This decision cannot be reviewed" : "You have already asked for this decision to be reviewed");
        }
        var text = reason.Trim();
        if (text.Length == 0)
        {
            throw new FieldRuleException("Reason", "Say why the decision should change");
        }
        if (text.Length > ReviewReasonMaxLength)
        {
            throw new FieldRuleException("Reason", $"Your reason must be {ReviewReasonMaxLength:N0} characters or fewer");
        }
        ReviewAskedAt = now;
        ReviewReason = text;
    }

    /// <summary>A review, once asked for, is decided by a different moderator from the one who made the decision.</summary>
    public void CheckReviewer(int? moderatorId)
    {
        if (!AwaitsReview)
        {
            throw new RuleException("Nobody has asked for this decision to be reviewed");
        }
        if (moderatorId == ModeratorId)
        {
            throw new RuleException("A different moderator must review your own decision");
        }
    }

    public void Reviewed(ModerationDecision answer)
    {
        CheckReviewer(answer.ModeratorId);
        ReviewAnswerId = answer.Id;
    }
}

/// <summary>A person may read but not write until <see cref="Until"/> (never, when null), unless the block is lifted.</summary>
public sealed class Block
{
    public int Id { get; private set; }
    public int UserId { get; private set; }
    public int DecisionId { get; private set; }
    public ModerationReason Reason { get; private set; }
    public DateTime From { get; private set; }
    public DateTime? Until { get; private set; }
    public DateTime? LiftedAt { get; private set; }

    private Block() { }

    public static Block Make(int userId, int decisionId, ModerationReason reason, DateTime now, BlockPeriod period) => new()
    {
        UserId = userId, DecisionId = decisionId, Reason = reason, From = now,
        Until = period == BlockPeriod.Permanent ? null : now + BlockPeriods.Length(period),
    };

    public bool IsActive(DateTime now) => LiftedAt is null && (Until is null || Until > now);

    public void Lift(DateTime now) => LiftedAt ??= now;
}

public enum BlockPeriod
{
    [Display(Name = "1 day")] OneDay,
    [Display(Name = "1 week")] OneWeek,
    [Display(Name = "1 month")] OneMonth,
    [Display(Name = "6 months")] SixMonths,
    [Display(Name = "Permanently")] Permanent,
}

public static class BlockPeriods
{
    public static TimeSpan Length(BlockPeriod period) => period switch
    {
        BlockPeriod.OneDay => TimeSpan.FromDays(1),
        BlockPeriod.OneWeek => TimeSpan.FromDays(7),
        BlockPeriod.OneMonth => TimeSpan.FromDays(30),
        BlockPeriod.SixMonths => TimeSpan.FromDays(182),
        _ => TimeSpan.MaxValue,
    };
}

/// <summary>Why an item is in the moderation queue.</summary>
public enum Waiting
{
    [Display(Name = "Nothing")] Nothing,
    [Display(Name = "Reported")] Reports,
    [Display(Name = "Waiting for approval")] Approval,
    [Display(Name = "Review asked for")] Review,
}

/// <summary>One item's place in the moderation queue: open while something waits for a moderator, oldest first.</summary>
public sealed class ModerationCase
{
    public int Id { get; private set; }
    public string ItemType { get; private set; } = "";
    public int ItemId { get; private set; }
    public int? AuthorId { get; private set; }
    public Waiting Waiting { get; private set; }

    /// <summary>When it started waiting; null when nothing waits.</summary>
    public DateTime? WaitingSince { get; private set; }

    /// <summary>Whether the content is hidden now, for the queue's filter.</summary>
    public bool IsHidden { get; private set; }

    /// <summary>Changes with every report and decision, so two at once on one item cannot both count.</summary>
    public int Version { get; private set; }

    private ModerationCase() { }

    public static ModerationCase For(string itemType, int itemId, int? authorId) => new() { ItemType = itemType, ItemId = itemId, AuthorId = authorId };

    public void Wait(Waiting why, DateTime now)
    {
        // A review or an approval matters more than another report, and the item keeps its place in the queue.
        if (Waiting == Waiting.Nothing || why > Waiting)
        {
            Waiting = why;
        }
        WaitingSince ??= now;
        Version++;
    }

    public void Decided(bool isHidden)
    {
        Waiting = Waiting.Nothing;
        WaitingSince = null;
        IsHidden = isHidden;
        Version++;
    }

    public void Hidden(bool isHidden)
    {
        IsHidden = isHidden;
        Version++;
    }
}
