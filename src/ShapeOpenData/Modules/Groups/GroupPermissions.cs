using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// Who may see and do what in groups, meetings and actions. The programme team creates groups and public events;
/// a group's chair and secretariat run it. Pages, feeds, exports and the API all ask here; the server always checks.
/// </summary>
public static class GroupPermissions
{
    public static bool CanCreateGroups(ClaimsPrincipal user) => user.IsProgrammeTeam();

    /// <summary>Approve members, invite, schedule meetings, publish minutes, record actions.</summary>
    public static bool CanRun(ClaimsPrincipal user, GroupMember? membership) => user.IsProgrammeTeam() || membership?.RunsGroup == true;

    /// <summary>
    /// Members' email addresses are personal data kept for the service to write to them: only administrators see them.
    /// Those who run a group write to its members through the service (<see cref="GroupMessages"/>) instead.
    /// </summary>
    public static bool CanSeeMemberAddresses(ClaimsPrincipal user) => user.IsAdministrator();

    /// <summary>The members page: those who run the group manage members there; administrators may look.</summary>
    public static bool CanSeeMembersPage(ClaimsPrincipal user, GroupMember? membership) => CanRun(user, membership) || CanSeeMemberAddresses(user);

    /// <summary>Anyone may leave a group (or withdraw their request to join); those who run it may remove others.</summary>
    public static bool CanRemove(ClaimsPrincipal user, int memberUserId, GroupMember? membership) =>
        user.UserId() == memberUserId || CanRun(user, membership);

    /// <summary>Public events, which belong to no group, are the programme team's.</summary>
    public static bool CanScheduleEvents(ClaimsPrincipal user) => user.IsProgrammeTeam();

    /// <summary>Change, cancel, record attendance and publish minutes: the programme team, and for a group's meeting those who run the group.</summary>
    public static bool CanManage(ClaimsPrincipal user, Meeting meeting, GroupMember? membership) =>
        user.IsProgrammeTeam() || (meeting.GroupId is not null && CanRun(user, membership));

    /// <summary>
    /// A meeting's online link is for those with a place (while it goes ahead) and those who manage it, on the page,
    /// in the API and in email alike, so that it cannot be passed round before the meeting.
    /// </summary>
    public static bool CanSeeOnlineLink(Meeting meeting, RegistrationState? registration, bool canManage) =>
        canManage || (registration == RegistrationState.Registered && meeting.State != MeetingState.Cancelled);

    /// <summary>Members, meetings, minutes and actions; a group's name, purpose and size are always public.</summary>
    public static bool CanSeeContent(ClaimsPrincipal user, Group group, GroupMember? membership) =>
        !group.MembersOnly || membership?.IsActive == true || user.IsProgrammeTeam();

    /// <summary>The action's owner (or a publisher of its owning organisation) reports progress, as do those who run the group.</summary>
    public static bool CanUpdate(ClaimsPrincipal user, GroupAction action, GroupMember? membership) =>
        CanRun(user, membership)
        || (action.OwnerUserId is { } owner && user.UserId() == owner)
        || (action.OwnerOrganisationId is { } organisation && user.IsPublisherFor(organisation));
}

/// <summary>Which groups' content someone may see, as query filters. Anonymous readers (and every feed) see public content only.</summary>
public sealed record GroupVisibility(bool Everything, IReadOnlyList<int> MemberOf)
{
    public static readonly GroupVisibility Public = new(false, []);

    public Expression<Func<Meeting, bool>> Meetings =>
        Everything ? _ => true : m => m.GroupId == null || !m.Group!.MembersOnly || MemberOf.Contains(m.GroupId.Value);

    public Expression<Func<GroupAction, bool>> Actions =>
        Everything ? _ => true : a => !a.Group!.MembersOnly || MemberOf.Contains(a.GroupId);

    public bool CanSee(Group? group) => group is null || CanSee(group.Id, group.MembersOnly);

    public bool CanSee(int groupId, bool membersOnly) => !membersOnly || Everything || MemberOf.Contains(groupId);
}

public sealed class GroupAccess(AppDbContext db)
{
    public async Task<GroupVisibility> VisibilityAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.IsProgrammeTeam())
        {
            return new GroupVisibility(true, []);
        }
        if (user.UserId() is not { } userId)
        {
            return GroupVisibility.Public;
        }
        var groups = await db.GroupMembers.Where(m => m.UserId == userId && m.State == MemberState.Active).Select(m => m.GroupId).ToListAsync(cancellationToken);
        return new GroupVisibility(false, groups);
    }

    public async Task<GroupMember?> MembershipAsync(int groupId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId
            ? await db.GroupMembers.AsNoTracking().SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken)
            : null;
}
