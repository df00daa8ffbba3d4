using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>
/// Groups and meetings made the way they are made for real, through the workflows: a group created by the
/// programme team with a chair, a meeting scheduled by its chair.
/// </summary>
public static class TestGroups
{
    /// <summary>A new group with a short name no other test uses, and a chair who runs it.</summary>
    public static async Task<(Group Group, Person Chair)> CreateGroupAsync(
        this ServiceFactory service, MembershipPolicy policy = MembershipPolicy.OnRequest, bool membersOnly = false,
        GroupKind kind = GroupKind.WorkingGroup, string? name = null)
    {
        var programme = await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, withPassword: false);
        var chair = await service.CreatePersonAsync(name: "Chair Person");
        var slug = $"group-{Guid.NewGuid():N}"[..18];
        var group = await service.WithServicesAsync(async s => await s.GetRequiredService<GroupWorkflow>().CreateAsync(slug,
            new GroupDetails(name ?? $"Group {slug}", kind, "To improve how data is published.", "## Terms\n\nWe meet every quarter.", policy, membersOnly, IsClosed: false),
            await service.PrincipalAsync(programme)));
        await service.AddMemberAsync(group, chair, GroupRole.Chair);
        return (group, chair);
    }

    /// <summary>
    /// Makes <paramref name="person"/> an active member with <paramref name="role"/> who follows the group, as an accepted
    /// invitation would (whatever the group's policy), without keeping the invitation or sending email.
    /// </summary>
    public static Task AddMemberAsync(this ServiceFactory service, Group group, Person person, GroupRole role = GroupRole.Member) =>
        service.WithDatabaseAsync(async db =>
        {
            var tracked = await db.Groups.Include(g => g.Members).SingleAsync(g => g.Id == group.Id);
            var invitation = tracked.Invite(person.Email, "not-kept", role, null, DateTime.UtcNow);
            tracked.AcceptInvitation(invitation, person.Id, person.Email, DateTime.UtcNow);
            db.Follows.Add(new ShapeOpenData.Modules.Follows.Follow { TargetType = GroupsModule.GroupItemType, TargetId = group.Id, UserId = person.Id, Asked = true, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

    /// <summary>Does something through the group workflow as <paramref name="person"/>, in a scope of its own as a request would.</summary>
    public static Task<T> GroupsAsync<T>(this ServiceFactory service, Person person, Func<GroupWorkflow, ClaimsPrincipal, Task<T>> action) =>
        service.WithServicesAsync(async s => await action(s.GetRequiredService<GroupWorkflow>(), await service.PrincipalAsync(person)));

    public static Task GroupsAsync(this ServiceFactory service, Person person, Func<GroupWorkflow, ClaimsPrincipal, Task> action) =>
        service.GroupsAsync(person, async (groups, actor) => { await action(groups, actor); return true; });

    /// <summary>Does something through the meeting workflow as <paramref name="person"/>, in a scope of its own.</summary>
    public static Task<T> MeetingsAsync<T>(this ServiceFactory service, Person person, Func<MeetingWorkflow, ClaimsPrincipal, Task<T>> action) =>
        service.WithServicesAsync(async s => await action(s.GetRequiredService<MeetingWorkflow>(), await service.PrincipalAsync(person)));

    public static Task MeetingsAsync(this ServiceFactory service, Person person, Func<MeetingWorkflow, ClaimsPrincipal, Task> action) =>
        service.MeetingsAsync(person, async (meetings, actor) => { await action(meetings, actor); return true; });

    /// <summary>Does something through the action workflow as <paramref name="person"/>, in a scope of its own.</summary>
    public static Task<T> ActionsAsync<T>(this ServiceFactory service, Person person, Func<ActionWorkflow, ClaimsPrincipal, Task<T>> action) =>
        service.WithServicesAsync(async s => await action(s.GetRequiredService<ActionWorkflow>(), await service.PrincipalAsync(person)));

    /// <summary>The meeting as the database has it now, with its registrations, minutes and decisions.</summary>
    public static Task<Meeting> MeetingAsync(this ServiceFactory service, int id) =>
        service.WithDatabaseAsync(db => db.Meetings.AsNoTracking().Include(m => m.Registrations).Include(m => m.Minutes).Include(m => m.Decisions)
            .AsSplitQuery().SingleAsync(m => m.Id == id));

    /// <summary>A meeting starting <paramref name="fromNow"/> after the service's own now (which a shifted clock moves).</summary>
    public static DateTime StartingIn(this ServiceFactory service, TimeSpan fromNow) =>
        service.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.Add(fromNow);

    /// <summary>A meeting of <paramref name="group"/> (or a public event when null) scheduled by <paramref name="organiser"/>.</summary>
    /// <param name="startsAt">UTC; by default a week from now by the service's clock.</param>
    /// <param name="endsAt">UTC; by default two hours after it starts.</param>
    public static Task<Meeting> ScheduleAsync(
        this ServiceFactory service, Group? group, Person organiser, DateTime? startsAt = null, int? capacity = null,
        string title = "Quarterly meeting", string? place = "Room 1, 10 Victoria Street, London", string? onlineLink = "https://meet.example.gov.uk/abc-defg",
        DateTime? endsAt = null)
    {
        var start = startsAt ?? service.UtcNow().Date.AddDays(7).AddHours(10);
        return service.WithServicesAsync(async s => await s.GetRequiredService<MeetingWorkflow>().ScheduleAsync(group?.Slug,
            new MeetingDetails(title, start, endsAt ?? start.AddHours(2), MeetingTimes.DefaultTimeZone, place, onlineLink, "1. Welcome\n2. Updates", capacity),
            await service.PrincipalAsync(organiser)));
    }

    /// <summary>Runs a meeting change (reschedule, cancel, minutes …) as <paramref name="actor"/>, through the real workflow.</summary>
    public static Task<T> AsAsync<T>(this ServiceFactory service, Person actor, Func<MeetingWorkflow, System.Security.Claims.ClaimsPrincipal, Task<T>> change) =>
        service.WithServicesAsync(async s => await change(s.GetRequiredService<MeetingWorkflow>(), await service.PrincipalAsync(actor)));

    /// <summary><paramref name="person"/> takes a place at the meeting, or joins its waiting list when it is full.</summary>
    public static Task<Registration> RegisterAsync(this ServiceFactory service, Meeting meeting, Person person) =>
        service.AsAsync(person, (meetings, user) => meetings.RegisterAsync(meeting.Id, user));

    /// <summary>Minutes (a first version, or a correction with a note) with decisions, published by <paramref name="secretary"/>.</summary>
    public static Task<MinutesVersion> PublishMinutesAsync(
        this ServiceFactory service, Meeting meeting, Person secretary, string text = "We met and agreed things.", string? note = null, params string[] decisions) =>
        service.AsAsync(secretary, (meetings, user) => meetings.PublishMinutesAsync(meeting.Id, text, note, decisions, user));

    /// <summary>An action of <paramref name="group"/>, recorded by someone who runs it.</summary>
    public static Task<GroupAction> AddActionAsync(this ServiceFactory service, Group group, Person recorder, NewAction action, Meeting? meeting = null) =>
        service.WithServicesAsync(async s => await s.GetRequiredService<ActionWorkflow>().AddAsync(group.Slug, meeting?.Id, action, await service.PrincipalAsync(recorder)));

    /// <summary>Now by the service's clock, which a <see cref="ClockedServiceFactory"/> may have moved on.</summary>
    public static DateTime UtcNow(this ServiceFactory service) => service.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
