using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// Every change to a meeting: scheduling, changing and cancelling (by the group's chair or secretariat, or the
/// programme team for public events), places and the waiting list (by anyone signed in who may see it), and
/// afterwards attendance and minutes. The meeting applies its own rules; each change is audited and the people
/// it concerns are emailed in the same save.
/// </summary>
public sealed class MeetingWorkflow(
    AppDbContext db, GroupAccess access, TimeProvider clock, Following following, Notifier notifier, ServiceLinks links)
{
    public const string ItemType = GroupsModule.MeetingItemType;

    /// <param name="groupSlug">The group meeting, or null for a public event with no group.</param>
    public async Task<Meeting> ScheduleAsync(string? groupSlug, MeetingDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        Group? group = null;
        if (groupSlug is null)
        {
            Allow(GroupPermissions.CanScheduleEvents(actor));
        }
        else
        {
            group = await db.Groups.SingleOrDefaultAsync(g => g.Slug == groupSlug, cancellationToken) ?? throw new NotFoundException("There is no such group, meeting or action");
            Allow(GroupPermissions.CanRun(actor, await access.MembershipAsync(group.Id, actor, cancellationToken)));
        }
        var now = clock.UtcNow();
        var meeting = Meeting.Schedule(group, details, now);
        return await db.InOneTransactionAsync(async () =>
        {
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, meeting.Id, "scheduled", actor.UserId(), now, null, MeetingSnapshot.Of(meeting)));
            if (group is not null)
            {
                await TellAsync(meeting, "scheduled", $"New meeting of {group.Name}: {meeting.Title}",
                    $"{group.Name} will meet: {meeting.Title}, {When(meeting)}.", [], actor, cancellationToken, followersOf: group.Id);
            }
            await SaveAsync(cancellationToken);
            return meeting;
        }, cancellationToken);
    }

    /// <summary>Changes the details; people registered are told, and anyone given one of extra places is told they have a place.</summary>
    public async Task<Meeting> ChangeAsync(int id, MeetingDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Registration> promoted = [];
        return await db.InOneTransactionAsync(async () =>
        {
            var meeting = await ManageAsync(id, actor, "changed", m => promoted = m.Change(details, clock.UtcNow()),
                m => ($"Changed: {m.Title}", $"The details of {m.Title} have changed. It is now {When(m)}."), cancellationToken);
            foreach (var registration in promoted)
            {
                await TellPromotedAsync(meeting, registration, actor.UserId(), cancellationToken);
            }
            await SaveAsync(cancellationToken);
            return meeting;
        }, cancellationToken);
    }

    public Task<Meeting> CancelAsync(int id, string reason, ClaimsPrincipal actor, CancellationToken cancellationToken = default) =>
        ManageAsync(id, actor, "cancelled", meeting => meeting.Cancel(reason, clock.UtcNow()),
            meeting => ($"Cancelled: {meeting.Title}", $"{meeting.Title}, {When(meeting)}, has been cancelled.\n\n{meeting.CancellationReason}"), cancellationToken);

    public Task<Meeting> RecordAttendanceAsync(int id, int count, IReadOnlyCollection<int> attended, ClaimsPrincipal actor, CancellationToken cancellationToken = default) =>
        ManageAsync(id, actor, "attendance_recorded", meeting => meeting.RecordAttendance(count, attended, clock.UtcNow()), null, cancellationToken);

    /// <summary>Publishes minutes (or a correction as a new version) with decisions; attendees and the group's followers are told.</summary>
    public async Task<MinutesVersion> PublishMinutesAsync(
        int id, string text, string? note, IReadOnlyList<string> decisions, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        MinutesVersion? published = null;
        var meeting = await ManageAsync(id, actor, "minutes_published",
            m => published = m.PublishMinutes(text, note, decisions, actor.UserId(), clock.UtcNow()), null, cancellationToken);
        var version = published!;
        var attendees = meeting.Registrations.Where(r => r.State == RegistrationState.Registered).Select(r => r.UserId);
        await TellAsync(meeting, $"minutes:v{version.Number}",
            version.Number == 1 ? $"Minutes published: {meeting.Title}" : $"Minutes corrected (version {version.Number}): {meeting.Title}",
            version.Number == 1
                ? $"The minutes of {meeting.Title} ({When(meeting)}) have been published."
                : $"The minutes of {meeting.Title} have been corrected. Version {version.Number}: {version.Note}",
            attendees, actor, cancellationToken, followersOf: meeting.GroupId);
        await SaveAsync(cancellationToken);
        return version;
    }

    /// <summary>A place, or a place on the waiting list when the meeting is full. Returns the registration.</summary>
    public async Task<Registration> RegisterAsync(int id, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId() ?? throw new ForbiddenException("You cannot do that");
        return await WithRetriesAsync(async () =>
        {
            var meeting = await FindAsync(id, actor, cancellationToken);
            var registration = meeting.Register(userId, clock.UtcNow());
            await following.FollowAsync(userId, ItemType, meeting.Id, asked: true, cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, meeting.Id, registration.State == RegistrationState.Registered ? "registered" : "joined_waiting_list",
                userId, clock.UtcNow(), null, new { meeting.RegisteredCount }));
            await db.SaveChangesAsync(cancellationToken);
            return registration;
        });
    }

    /// <summary>Gives up a place or leaves the waiting list; whoever is promoted is told they have a place.</summary>
    public async Task CancelRegistrationAsync(int id, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId() ?? throw new ForbiddenException("You cannot do that");
        await WithRetriesAsync(async () =>
        {
            var meeting = await FindAsync(id, actor, cancellationToken);
            var now = clock.UtcNow();
            var promoted = meeting.CancelRegistration(userId, now);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, meeting.Id, "registration_cancelled", userId, now, null, new { meeting.RegisteredCount }));
            if (promoted is not null)
            {
                await TellPromotedAsync(meeting, promoted, userId, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            return promoted;
        });
    }

    /// <summary>
    /// Cancels <paramref name="userId"/>'s places and waiting-list places at the group's meetings still to come, as
    /// their own cancellation would (whoever is promoted is told), when they may no longer see them. Saved with the
    /// caller's change.
    /// </summary>
    public async Task CancelRegistrationsAsync(int groupId, int userId, int? actorId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var upcoming = await db.Meetings.Include(m => m.Registrations)
            .Where(m => m.GroupId == groupId && m.State == MeetingState.Scheduled && m.EndsAt > now
                        && m.Registrations.Any(r => r.UserId == userId && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waiting)))
            .ToListAsync(cancellationToken);
        foreach (var meeting in upcoming)
        {
            var promoted = meeting.CancelRegistration(userId, now);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, meeting.Id, "registration_cancelled", actorId, now, null, new { UserId = userId, meeting.RegisteredCount }));
            if (promoted is not null)
            {
                await TellPromotedAsync(meeting, promoted, actorId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Takes a person off every meeting, as when their account is deleted: a place they held at a meeting to come goes
    /// to the first person waiting, who is told, as on a cancellation. Runs in the caller's transaction.
    /// </summary>
    public async Task ForgetRegistrationsAsync(int userId, CancellationToken cancellationToken)
    {
        var meetings = await db.Meetings.Include(m => m.Registrations)
            .Where(m => m.Registrations.Any(r => r.UserId == userId)).ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        foreach (var meeting in meetings)
        {
            var promoted = meeting.Forget(userId, now);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, meeting.Id, "registration_removed_with_account", userId, now, null, new { meeting.RegisteredCount }));
            if (promoted is not null)
            {
                await TellPromotedAsync(meeting, promoted, userId, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task TellPromotedAsync(Meeting meeting, Registration promoted, int? actorId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        db.AuditEntries.Add(AuditEntry.Of(ItemType, meeting.Id, "promoted_from_waiting_list", null, now, null, new { promoted.UserId }));
        await notifier.NotifyAsync(
            new Notification($"meeting:{meeting.Id}:promoted:{promoted.UserId}:{now.Ticks}", $"You have a place: {meeting.Title}", $"""
                A place has come up at {meeting.Title}, {When(meeting)}, and it is yours: you were first on the waiting list.

                {(meeting.OnlineLink is null ? "" : $"Join online: {meeting.OnlineLink}\n")}{(meeting.Place is null ? "" : $"Place: {meeting.Place}\n")}
                If you cannot come, cancel so the next person can have it: {links.Absolute(UrlOf(meeting.Id))}
                """, $"follow:{ItemType}:{meeting.Id}"),
            [promoted.UserId], actorId, cancellationToken);
    }

    /// <summary>The meeting with its registrations, minutes and decisions, as <paramref name="reader"/> may see it.</summary>
    public async Task<Meeting> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Group).Include(m => m.Registrations).Include(m => m.Minutes).Include(m => m.Decisions)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null || !(await access.VisibilityAsync(reader, cancellationToken)).CanSee(meeting.Group))
        {
            throw new NotFoundException("There is no such group, meeting or action");
        }
        return meeting;
    }

    /// <summary>Runs the meeting: the programme team for events; for a group, also its chair and secretariat.</summary>
    public async Task<bool> CanManageAsync(Meeting meeting, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        GroupPermissions.CanManage(user, meeting, meeting.GroupId is { } groupId ? await access.MembershipAsync(groupId, user, cancellationToken) : null);

    public static string UrlOf(int id) => $"/meetings/{id}";

    public static string When(Meeting meeting) => MeetingTimes.Describe(meeting.StartsAt, meeting.EndsAt, meeting.TimeZone);

    private async Task<Meeting> ManageAsync(
        int id, ClaimsPrincipal actor, string action, Action<Meeting> change, Func<Meeting, (string Subject, string Body)>? tellRegistered, CancellationToken cancellationToken)
    {
        var meeting = await FindAsync(id, actor, cancellationToken);
        Allow(await CanManageAsync(meeting, actor, cancellationToken));
        var before = MeetingSnapshot.Of(meeting);
        change(meeting);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, meeting.Id, action, actor.UserId(), clock.UtcNow(), before, MeetingSnapshot.Of(meeting)));
        if (tellRegistered?.Invoke(meeting) is var (subject, body))
        {
            await TellAsync(meeting, $"{action}:s{meeting.Sequence}", subject, body,
                meeting.Registrations.Where(r => r.IsCurrent).Select(r => r.UserId), actor, cancellationToken);
        }
        await SaveAsync(cancellationToken);
        return meeting;
    }

    /// <summary>Tells <paramref name="recipients"/> by name and, when given, the followers of the group <paramref name="followersOf"/>.</summary>
    private Task TellAsync(
        Meeting meeting, string what, string subject, string body, IEnumerable<int> recipients, ClaimsPrincipal actor, CancellationToken cancellationToken,
        int? followersOf = null)
    {
        var notification = new Notification($"meeting:{meeting.Id}:{what}", subject, $"""
            {body}

            See the meeting: {links.Absolute(UrlOf(meeting.Id))}
            """, $"follow:{ItemType}:{meeting.Id}");
        return followersOf is { } groupId
            ? notifier.NotifyFollowersAsync(notification, new FollowableItem(GroupsModule.GroupItemType, groupId), actor.UserId(), alsoTell: recipients, cancellationToken: cancellationToken)
            : notifier.NotifyAsync(notification, recipients, actor.UserId(), cancellationToken);
    }

    /// <summary>
    /// Two people taking the last place at once: one save wins, the other reads the meeting again. Those who lost
    /// together (on PostgreSQL they all fail at the same moment) wait a random few milliseconds first, or they
    /// would collide again in step until they ran out of tries.
    /// </summary>
    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> attempt)
    {
        const int tryLimit = 20;
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (tries < tryLimit)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException failure) when (failure.IsUniqueViolation() && tries < tryLimit)
            {
                db.ChangeTracker.Clear();
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 15 * tries)));
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleException("Someone else changed this meeting at the same moment. Check what they did, then try again");
        }
    }

    private static void Allow(bool allowed)
    {
        if (!allowed)
        {
            throw new ForbiddenException("You cannot do that");
        }
    }
}

/// <summary>The meeting as the audit log records it, before and after each change.</summary>
public sealed record MeetingSnapshot(string Title, DateTime StartsAt, DateTime EndsAt, string TimeZone, string? Place, int? Capacity, string State, int Sequence, int? AttendanceCount, int MinutesVersions)
{
    public static MeetingSnapshot Of(Meeting m) => new(m.Title, m.StartsAt, m.EndsAt, m.TimeZone, m.Place, m.Capacity, m.State.ToCode(), m.Sequence, m.AttendanceCount, m.Minutes.Count);
}
