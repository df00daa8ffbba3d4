using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Notifications;

/// <param name="Key">Names the event, like <c>request-event:42</c>: nobody gets two emails for one key.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">Plain text, with a link to the item.</param>
/// <param name="UnsubscribeScope">What one-click unsubscribe stops: <c>follow:request:12</c> or <c>all</c>.</param>
public sealed record Notification(string Key, string Subject, string Body, string UnsubscribeScope)
{
    /// <summary>
    /// The item it tells of: only those who may see it are emailed, checked when it is written and again when it is
    /// sent. By default the item its follow scope names; set it for an email about an item that is not stopped by
    /// unfollowing (a request to join a group, an action). Null only for email about the person's own account or
    /// membership, which they may always read.
    /// </summary>
    public FollowableItem? About { get; init; } = FollowableItem.In(UnsubscribeScope);
}

/// <summary>
/// Tells people about a change by email, through the outbox: the emails are added to the caller's unit of
/// work and saved with the change, then sent by <see cref="OutboxWorker"/>. Never to the person who acted,
/// nor to anyone who switched email off, whose account is closed, or who may not see what it is about.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock, ItemReaders readers)
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
        IEnumerable<int> to = candidates.Except(silenced).ToList();
        if (notification.About is { } item)
        {
            // Followers and registrations outlive what someone may see: a removed member, a request moved elsewhere.
            to = await readers.WhoMaySeeAsync(item, [.. to], cancellationToken);
        }
        var now = clock.UtcNow();
        foreach (var userId in to)
        {
            db.OutboxEmails.Add(new OutboxEmail
            {
                Key = notification.Key, UserId = userId, Subject = notification.Subject, Body = notification.Body,
                UnsubscribeScope = notification.UnsubscribeScope, AboutType = notification.About?.Type, AboutId = notification.About?.Id,
                CreatedAt = now, NextAttemptAt = now,
            });
        }
    }
}
