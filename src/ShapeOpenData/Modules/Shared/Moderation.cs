using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Shared;

// The contract between content people write (comments, requests, quality reports, join messages…) and the
// moderation module that acts on it (DESIGN §4.10). Each module keeps a ModerationState on its content and
// leaves hidden or held content out of everything it shows; the moderation module decides, records and tells.

/// <summary>Why content was reported or hidden.</summary>
public enum ModerationReason
{
    [Display(Name = "Spam or advertising")] Spam,
    [Display(Name = "Abusive or offensive")] Abuse,
    [Display(Name = "Personal data")] PersonalData,
    [Display(Name = "Off topic")] OffTopic,
    [Display(Name = "Another reason")] Other,
}

/// <summary>
/// What moderators have done to one piece of content, kept on it by the module that holds it (an EF complex
/// property): hidden with a reason, waiting for approval, or with personal data edited out.
/// </summary>
public sealed class ModerationState
{
    public DateTime? HiddenAt { get; private set; }
    public ModerationReason? HiddenReason { get; private set; }

    /// <summary>Pre-moderated content, shown only to its author (and moderators) until a moderator approves it.</summary>
    public bool AwaitingApproval { get; private set; }

    /// <summary>When a moderator last edited personal data out of it.</summary>
    public DateTime? RedactedAt { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    /// <summary>Everyone may see it: neither hidden nor waiting for approval.</summary>
    public bool IsPublic => HiddenAt is null && !AwaitingApproval;

    /// <summary>What stands in its place for those who may still see it, or null when it is public.</summary>
    public string? Notice => HiddenReason is { } reason ? $"Hidden by a moderator: {reason.ToText()}"
        : AwaitingApproval ? "Waiting for a moderator to approve it" : null;

    public static ModerationState Held() => new() { AwaitingApproval = true };

    public void Apply(ModerationChange change, DateTime now)
    {
        switch (change)
        {
            case ModerationChange.Hide hide:
                HiddenAt = now;
                HiddenReason = hide.Reason;
                AwaitingApproval = false;
                break;
            case ModerationChange.Restore or ModerationChange.Approve:
                HiddenAt = null;
                HiddenReason = null;
                AwaitingApproval = false;
                break;
            case ModerationChange.Redact:
                RedactedAt = now;
                break;
        }
    }
}

/// <summary>A moderator's change to a piece of content.</summary>
public abstract record ModerationChange
{
    private ModerationChange() { }

    /// <summary>Take it down; it shows "Hidden by a moderator: {reason}" in its place, and replies stay.</summary>
    public sealed record Hide(ModerationReason Reason) : ModerationChange;

    /// <summary>Put it back as it was.</summary>
    public sealed record Restore : ModerationChange;

    /// <summary>Show pre-moderated content to everyone.</summary>
    public sealed record Approve : ModerationChange;

    /// <summary>Replace the wording of some of its fields (by <see cref="ModeratedField.Name"/>), to take personal data out.</summary>
    public sealed record Redact(IReadOnlyDictionary<string, string> Fields) : ModerationChange;
}

/// <summary>One field of written content, as a moderator reads and may redact it.</summary>
/// <param name="Name">The field's code, like <c>body</c>.</param>
/// <param name="MaxLength">The entity's limit for the field.</param>
public sealed record ModeratedField(string Name, string Label, string Text, int MaxLength);

/// <summary>A piece of content as moderators see it.</summary>
/// <param name="Item">What it is and where: its page, with an anchor to it.</param>
/// <param name="Context">Where it sits, like <c>Comment on request 12: Bus stop locations</c>.</param>
/// <param name="AuthorId">Who wrote it, or null when nobody can be told (a request that came by post).</param>
/// <param name="ByStaff">Written by a publisher, moderator, the programme team or an administrator speaking officially:
/// never hidden automatically.</param>
public sealed record ModeratedItem(TracedItem Item, string Context, IReadOnlyList<ModeratedField> Fields, int? AuthorId, ModerationState State, bool ByStaff = false);

/// <summary>A kind of content people write that moderators act on, whatever module holds it.</summary>
public interface IModeratable
{
    /// <summary>The item type, like <c>comment</c>.</summary>
    string Type { get; }

    /// <summary>What the kind is called in the queue and the public log, like <c>Comment</c>.</summary>
    string Label { get; }

    /// <summary>
    /// The item as <paramref name="reader"/> may see it (to report it, or to moderate it), or null when it does
    /// not exist or they may not see it. Moderators see hidden and held content.
    /// </summary>
    Task<ModeratedItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the change on the tracked entity, without saving: the moderation module saves it with its decision,
    /// audit entry and emails, as one unit of work. Refused (<see cref="RuleException"/>) when it makes no sense.
    /// </summary>
    Task ApplyAsync(int id, ModerationChange change, CancellationToken cancellationToken);
}

/// <summary>Whether new content is held for a moderator before anyone else sees it (DESIGN §4.10 pre-moderation).</summary>
public interface IPreModeration
{
    /// <param name="placeRequiresIt">The place always holds content (consultation statements that say so).</param>
    Task<bool> HoldsAsync(int authorId, bool placeRequiresIt, CancellationToken cancellationToken);
}

/// <summary>New content was held for approval: it joins the moderation queue in the same unit of work.</summary>
public sealed record ContentHeld(string Type, int Id, int AuthorId) : IDomainEvent;

public static class ModerationRoles
{
    /// <summary>Moderators, the programme team and administrators work the queue and see hidden content in place.</summary>
    public static bool Moderates(this ClaimsPrincipal user) => user.IsModerator() || user.IsProgrammeTeam() || user.IsAdministrator();
}

public static class ModerationMapping
{
    /// <summary>Maps an entity's <see cref="ModerationState"/> into its own table's columns.</summary>
    public static void HasModeration<TEntity>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntity> entity,
        System.Linq.Expressions.Expression<Func<TEntity, ModerationState?>> state) where TEntity : class =>
        entity.ComplexProperty(state, moderation => moderation.Property(m => m.HiddenReason).HasConversion<CodeConverter<ModerationReason>>().HasMaxLength(20));
}
