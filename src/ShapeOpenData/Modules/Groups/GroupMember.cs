using System.ComponentModel.DataAnnotations;

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

    public bool IsActive => State == MemberState.Active;
    public bool RunsGroup => IsActive && Role is GroupRole.Chair or GroupRole.Secretariat;

    private GroupMember() { }

    internal static GroupMember AskingToJoin(int groupId, int userId, string? message, DateTime now) => new()
    {
        GroupId = groupId, UserId = userId, Role = GroupRole.Member, State = MemberState.Requested, Message = message, CreatedAt = now,
    };

    /// <summary>A member from now; someone who was one already keeps the day they joined.</summary>
    internal void Admit(DateTime now)
    {
        State = MemberState.Active;
        JoinedAt ??= now;
    }

    internal void TakeRole(GroupRole role) => Role = role;
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
