using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// Reminds the publishers of a commitment's lead organisation, once, that a milestone falls due within the configured
/// number of days (<see cref="CommitmentOptions.MilestoneReminderDays"/>) and is not yet met.
/// </summary>
public sealed class MilestoneReminders(AppDbContext db, TimeProvider clock, Notifier notifier, ServiceLinks links, IOptions<CommitmentOptions> options)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var horizon = clock.Today().AddDays(options.Value.MilestoneReminderDays);
        var due = await (
                from m in db.Milestones
                join c in db.Commitments on m.CommitmentId equals c.Id
                where (m.State == MilestoneState.NotStarted || m.State == MilestoneState.InProgress) && m.ReminderSentAt == null && m.DueOn <= horizon
                select new { Milestone = m, c.Reference, c.Title, c.LeadOrganisationId })
            .ToListAsync(cancellationToken);
        foreach (var found in due)
        {
            var milestone = found.Milestone;
            await notifier.NotifyAsync(
                new Notification($"milestone:{milestone.Id}:reminder:{milestone.DueOn:yyyyMMdd}", $"Milestone due {milestone.DueOn:d MMMM yyyy}: {found.Reference}", $"""
                    Milestone {milestone.Number} of commitment {found.Reference}, "{found.Title}", is due by {milestone.DueOn:d MMMM yyyy}:

                    {milestone.Title}

                    When it is met, mark it met with the evidence; if it will be late, post a progress update saying why:
                    {links.Absolute(CommitmentWorkflow.UrlOf(found.Reference))}#milestone-{milestone.Number}
                    """, "all") { About = new(ItemTypes.Commitment, milestone.CommitmentId) },
                await db.PublishersOfAsync(found.LeadOrganisationId, cancellationToken), null, cancellationToken);
            milestone.MarkReminded(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
