using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// A standing group that meets, decides and follows up (DESIGN §4.4). Its existence, purpose and number of
/// members are always public; its members, meetings, minutes and actions may be for members only.
/// </summary>
public sealed class Group
{
    public const int NameMaxLength = 150;
    public const int PurposeMaxLength = 1_000;
    public const int TermsMaxLength = 20_000;

    public int Id { get; set; }

    /// <summary>Stable and used in addresses: <c>/groups/data-standards</c>.</summary>
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public GroupKind Kind { get; set; }
    public string Purpose { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string TermsOfReference { get; set; } = "";
    public MembershipPolicy Policy { get; set; }

    /// <summary>Members, meetings, minutes and actions are shown only to members (and the programme team).</summary>
    public bool MembersOnly { get; set; }
    public bool IsClosed { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<GroupMember> Members { get; set; } = [];
}

/// <summary>A person in a group, or asking to be. One row per person and group.</summary>
public sealed class GroupMember
{
    public const int MessageMaxLength = 1_000;

    public int Id { get; set; }
    public int GroupId { get; set; }
    public int UserId { get; set; }
    public GroupRole Role { get; set; }
    public MemberState State { get; set; }

    /// <summary>Why they want to join, for the chair or secretariat deciding a request.</summary>
    public string? Message { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? JoinedAt { get; set; }

    public bool IsActive => State == MemberState.Active;
    public bool RunsGroup => IsActive && Role is GroupRole.Chair or GroupRole.Secretariat;
}

/// <summary>An invitation sent by email; the link in it carries a secret whose hash is kept here.</summary>
public sealed class GroupInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public int Id { get; set; }
    public int GroupId { get; set; }
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public GroupRole Role { get; set; }
    public int? InvitedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
}

public enum GroupKind
{
    [Display(Name = "Working group")] WorkingGroup,
    [Display(Name = "Steering group")] SteeringGroup,
    [Display(Name = "Network")] Network,
    [Display(Name = "Forum")] Forum,
}

public enum MembershipPolicy
{
    [Display(Name = "Open: anyone with an account can join")] Open,
    [Display(Name = "On request: the chair or secretariat approves")] OnRequest,
    [Display(Name = "By invitation only")] ByInvitation,
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

public sealed class GroupRuleException(string message) : Exception(message);

internal static class Rules
{
    public static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new GroupRuleException(message);
        }
    }
}

public sealed class GroupNotFoundException() : Exception("There is no such group, meeting or action");

public sealed class GroupForbiddenException() : Exception("You cannot do that");
