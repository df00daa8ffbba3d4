using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Notifications;

/// <param name="Key">Names the event, like <c>request-event:42</c>: nobody gets two emails for one key.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">Plain text, with a link to the item.</param>
/// <param name="UnsubscribeScope">What one-click unsubscribe stops: <c>follow:request:12</c> or <c>all</c>.</param>
public sealed record Notification(string Key, string Subject, string Body, string UnsubscribeScope);

/// <summary>
/// Tells people about a change by email, through the outbox: the emails are added to the caller's unit of
/// work and saved with the change, then sent by <see cref="OutboxWorker"/>. Never to the person who acted,
/// nor to anyone who switched email off or whose account is closed.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock, ServiceLinks links)
{
    /// <summary>
    /// Marks every email waiting in the outbox as sent without sending it: for demo content, whose people are not
    /// real. Returns how many.
    /// </summary>
    public Task<int> DiscardPendingAsync(string reason, CancellationToken cancellationToken = default) =>
        db.OutboxEmails.Where(m => m.SentAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime).SetProperty(m => m.LastError, reason), cancellationToken);

    public async Task NotifyAsync(Notification notification, IEnumerable<int> recipients, int? actorId, CancellationToken cancellationToken = default)
    {
        var candidates = recipients.Where(id => id != actorId).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var silenced = await db.NotificationSettings.Where(s => candidates.Contains(s.UserId) && s.EmailOff).Select(s => s.UserId)
            .Concat(db.Users.Where(u => candidates.Contains(u.Id) && u.DeletedAt != null).Select(u => u.Id))
            .ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        var root = links.Absolute("/").ToString();
        foreach (var userId in candidates.Except(silenced))
        {
            db.OutboxEmails.Add(new OutboxEmail
            {
                Key = notification.Key, UserId = userId, Subject = notification.Subject, Body = notification.Body,
                UnsubscribeScope = notification.UnsubscribeScope, LinkRoot = root,
                CreatedAt = now, NextAttemptAt = now,
            });
        }
    }
}
