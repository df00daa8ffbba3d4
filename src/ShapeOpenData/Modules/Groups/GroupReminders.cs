using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.Modules.Groups;

public sealed class GroupOptions
{
    /// <summary>How many days before an action is due its owner is reminded.</summary>
    public int ActionReminderDays { get; set; } = 5;
}

/// <summary>
/// The reminders: people with a place hear the day before a meeting; an action's owner hears a few days before
/// it is due. Each is sent once (the time it went is saved with the emails).
/// </summary>
public sealed class GroupReminders(AppDbContext db, TimeProvider clock, Notifier notifier, ServiceLinks links, ActionWorkflow actions, IOptions<GroupOptions> options)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var sent = 0;
        var meetings = await db.Meetings.Include(m => m.Registrations)
            .Where(m => m.State == MeetingState.Scheduled && m.ReminderSentAt == null && m.StartsAt > now && m.StartsAt <= now.AddDays(1))
            .ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            await notifier.NotifyAsync(
                new Notification($"meeting:{meeting.Id}:reminder:s{meeting.Sequence}", $"Tomorrow: {meeting.Title}", $"""
                    A reminder that you have a place at {meeting.Title}, {MeetingWorkflow.When(meeting)}.

                    {(meeting.Place is null ? "" : $"Place: {meeting.Place}\n")}{(meeting.OnlineLink is null ? "" : $"Join online: {meeting.OnlineLink}\n")}
                    If you cannot come, cancel so someone on the waiting list can have your place: {links.Absolute(MeetingWorkflow.UrlOf(meeting.Id))}
                    """, $"follow:{MeetingWorkflow.ItemType}:{meeting.Id}"),
                meeting.Registrations.Where(r => r.State == RegistrationState.Registered).Select(r => r.UserId), null, cancellationToken);
            meeting.MarkReminded(now);
            sent++;
        }
        var horizon = clock.Today().AddDays(options.Value.ActionReminderDays);
        var due = await db.GroupActions.Include(a => a.Group)
            .Where(a => a.State == ActionState.Open && a.ReminderSentAt == null && a.DueOn <= horizon)
            .ToListAsync(cancellationToken);
        foreach (var action in due)
        {
            await notifier.NotifyAsync(
                new Notification($"action:{action.Id}:reminder", $"Action due {action.DueOn:d MMMM yyyy}: {action.Group!.Name}", $"""
                    This action from {action.Group.Name} is due by {action.DueOn:d MMMM yyyy}:

                    {action.Text}

                    Say when it is done, or why it was dropped: {links.Absolute(ActionWorkflow.UrlOf(action.Id))}
                    """, "all") { About = new(GroupsModule.GroupItemType, action.GroupId) },
                await actions.OwnersAsync(action, cancellationToken), null, cancellationToken);
            action.MarkReminded(now);
            sent++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
