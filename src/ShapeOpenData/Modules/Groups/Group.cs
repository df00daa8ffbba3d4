using System.ComponentModel.DataAnnotations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// A standing group that meets, decides and follows up (DESIGN §4.4). Its existence, purpose and number of
/// members are always public; its members, meetings, minutes and actions may be for members only. The group
/// keeps its own membership rules: who may join and how, requests decided once, invitations taken up by the
/// person they were sent to. Changes to membership need <see cref="Members"/> loaded.
/// </summary>
public sealed partial class Group
{
    public const int NameMaxLength = 150;
    public const int PurposeMaxLength = 1_000;
    public const int TermsMaxLength = 20_000;

    public int Id { get; private set; }

    /// <summary>Stable and used in addresses: <c>/groups/data-standards</c>.</summary>
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public GroupKind Kind { get; private set; }
    public string Purpose { get; private set; } = "";

    /// <summary>Markdown.</summary>
    public string TermsOfReference { get; private set; } = "";
    public MembershipPolicy Policy { get; private set; }

    /// <summary>Members, meetings, minutes and actions are shown only to members (and the programme team).</summary>
    public bool MembersOnly { get; private set; }
    public bool IsClosed { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Members and people asking to join.</summary>
    public List<GroupMember> Members { get; private set; } = [];

    private Group() { }

    /// <summary>A new group under a short name that stays its address for good.</summary>
    public static Group Create(string slug, GroupDetails details, DateTime now)
    {
        var group = new Group { Slug = slug, CreatedAt = now };
        group.ChangeDetails(details, now);
        return group;
    }

    /// <summary>Its name, purpose, terms, how people join, who sees its work, and whether it has closed.</summary>
    public void ChangeDetails(GroupDetails details, DateTime now)
    {
        Name = details.Name;
        Kind = details.Kind;
        Purpose = details.Purpose;
        TermsOfReference = details.TermsOfReference;
        Policy = details.Policy;
        MembersOnly = details.MembersOnly;
        IsClosed = details.IsClosed;
        UpdatedAt = now;
    }

    /// <summary>The person's membership or request to join, if they have one.</summary>
    public GroupMember? MembershipOf(int userId) => Members.SingleOrDefault(m => m.UserId == userId);

    /// <summary>
    /// Joins an open group at once, or asks to join one whose chair or secretariat approves requests. Someone
    /// already a member (or already asking) keeps what they have.
    /// </summary>
    public GroupMember Join(int userId, string? message, DateTime now)
    {
        if (MembershipOf(userId) is { } existing)
        {
            return existing;
        }
        Rules.Require(!IsClosed, "This group has closed and is not taking new members");
        Rules.Require(Policy != MembershipPolicy.ByInvitation, "This group is by invitation only");
        var member = GroupMember.AskingToJoin(Id, userId, message, now);
        if (Policy == MembershipPolicy.Open)
        {
            member.Admit(now);
        }
        Members.Add(member);
        return member;
    }

    /// <summary>A request to join is approved: the person becomes a member.</summary>
    public void Approve(GroupMember request, DateTime now)
    {
        RequireUndecided(request);
        request.Admit(now);
    }

    /// <summary>A request to join is declined: it is gone, and cannot be approved afterwards.</summary>
    public void Decline(GroupMember request)
    {
        RequireUndecided(request);
        Members.Remove(request);
    }

    /// <summary>An invitation to an email address, whose link carries a secret kept here only as its hash.</summary>
    public GroupInvitation Invite(string email, string tokenHash, GroupRole role, int? invitedById, DateTime now)
    {
        Rules.Require(!IsClosed, "This group has closed");
        return GroupInvitation.To(Id, email, tokenHash, role, invitedById, now);
    }

    /// <summary>
    /// The person the invitation was sent to takes it up, once and before it runs out: they become a member in the
    /// role they were invited to (someone who had asked to join, or was already a member, takes that role).
    /// </summary>
    public GroupMember AcceptInvitation(GroupInvitation invitation, int userId, string? email, DateTime now)
    {
        Rules.Require(invitation.GroupId == Id && invitation.IsOpen(now),
            "This invitation has expired or has already been used. Ask the group's secretariat for a new one");
        Rules.Require(string.Equals(email, invitation.Email, StringComparison.OrdinalIgnoreCase),
            "This invitation was sent to a different email address. Sign in with the account for that address");
        var member = MembershipOf(userId);
        if (member is null)
        {
            member = GroupMember.AskingToJoin(Id, userId, null, now);
            Members.Add(member);
        }
        member.TakeRole(invitation.Role);
        member.Admit(now);
        invitation.MarkAccepted(now);
        return member;
    }

    /// <summary>A member's role: chair, secretariat, member or observer.</summary>
    public void ChangeRole(GroupMember member, GroupRole role)
    {
        Rules.Require(member.IsActive, "Only a member can be given a role");
        member.TakeRole(role);
    }

    /// <summary>Someone leaves (or withdraws their request), or is removed; the membership is returned for the record.</summary>
    public GroupMember Remove(int userId)
    {
        var member = MembershipOf(userId) ?? throw new RuleException("That person is not a member");
        Members.Remove(member);
        return member;
    }

    private static void RequireUndecided(GroupMember request) =>
        Rules.Require(request.State == MemberState.Requested, "That request has already been decided");
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
