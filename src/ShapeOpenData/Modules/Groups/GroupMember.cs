using System.ComponentModel.DataAnnotations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>A person in a group, or asking to be. One row per person and group; the group changes it.</summary>
public sealed class GroupMember
{
    public const int MessageMaxLength = 1_000;

    public int Id { get; private set; }
    public int GroupId { get; private set; }
    public int UserId { get; private set; }
    public GroupRole Role { get; private set; }
    public MemberState State { get; private set; }

    /// <summary>Why they want to join, for the chair or secretariat deciding a request.</summary>
    public string? Message { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? JoinedAt { get; private set; }

    /// <summary>What a moderator did to <see cref="Message"/>; the membership, or the request to join, is not theirs to change.</summary>
    public ModerationState Moderation { get; private set; } = new();

    public bool IsActive => State == MemberState.Active;
    public bool RunsGroup => IsActive && Role is GroupRole.Chair or GroupRole.Secretariat;

    private GroupMember() { }

    internal static GroupMember AskingToJoin(int groupId, int userId, string? message, DateTime now) => new()
    {
        GroupId = groupId, UserId = userId, Role = GroupRole.Member, State = MemberState.Requested, Message = Checked(message), CreatedAt = now,
    };

    /// <summary>A moderator edits personal data out of the message, or takes it away; the request itself stays as it was.</summary>
    internal void Redact(string? message, DateTime now)
    {
        Message = Checked(message);
        Moderation.Apply(new ModerationChange.Redact(new Dictionary<string, string>()), now);
    }

    /// <summary>Whether the message's words are readable by <paramref name="readerId"/>: once hidden, only by its author and moderators (the managers read the notice).</summary>
    internal bool IsReadableBy(int? readerId, bool moderates) => Moderation.IsPublic || moderates || readerId == UserId;

    /// <summary>A member from now; someone who was one already keeps the day they joined.</summary>
    internal void Admit(DateTime now)
    {
        State = MemberState.Active;
        JoinedAt ??= now;
    }

    internal void TakeRole(GroupRole role) => Role = role;

    private static string? Checked(string? message)
    {
        var text = message?.Trim();
        Rules.Require(text is not { Length: > MessageMaxLength }, $"Your message must be {MessageMaxLength:N0} characters or fewer");
        return string.IsNullOrEmpty(text) ? null : text;
    }
}

public enum GroupRole
{
    [Display(Name = "Chair")] Chair,
    [Display(Name = "Secretariat")] Secretariat,
    [Display(Name = "Member")] Member,
    [Display(Name = "Observer")] Observer,
}

public enum MemberState
{
    [Display(Name = "Member")] Active,
    [Display(Name = "Asked to join")] Requested,
}
