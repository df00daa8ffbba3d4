using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

public sealed class DeliveryOptions
{
    /// <summary>Up to this many followers are told in the change's own transaction; more are told in the background.</summary>
    public int InlineRecipients { get; set; } = 200;

    /// <summary>How many followers one background step tells, in one transaction.</summary>
    public int FanOutChunk { get; set; } = 1_000;

    /// <summary>The pause between background steps, in which others' changes are written.</summary>
    public int FanOutPauseMilliseconds { get; set; } = 20;

    /// <summary>The hour (Europe/London) at which daily digests, and on Mondays weekly ones, are sent.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>
    /// How often the service looks for followers still to tell: the most a change with many followers waits before they
    /// start being told. A look is one indexed read of an empty table.
    /// </summary>
    public double FanOutPollSeconds { get; set; } = 0.25;

    /// <summary>How often the service looks for digests that are due.</summary>
    public double DigestPollSeconds { get; set; } = 60;
}

/// <summary>Someone to tell, and whether they asked for what it is about (or take part in it) rather than only follow it.</summary>
public readonly record struct Recipient(int UserId, bool Asked);

/// <summary>
/// Tells people about a change: a <see cref="Notice"/> in each one's notification centre and, as each has chosen for
/// that kind of thing (<see cref="NotificationKinds"/>), an email straight away through the outbox or a place in their
/// next digest. Added to the caller's unit of work and saved with the change. Never to the person who acted, whose
/// account is closed, or who may not see what it is about; no email (but the notice) to anyone who stopped all email.
/// An item with many followers is told in the background (<see cref="FanOut"/>), so the person who acted does not wait.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock, ItemReaders readers, IOptions<DeliveryOptions> options)
{
    /// <summary>
    /// Marks every email waiting in the outbox as sent without sending it: for demo content, whose people are not
    /// real. Returns how many.
    /// </summary>
    public Task<int> DiscardPendingAsync(string reason, CancellationToken cancellationToken = default) =>
        db.OutboxEmails.Where(m => m.SentAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime).SetProperty(m => m.LastError, reason), cancellationToken);

    /// <summary>Tells these people, each because of who they are (the requester, a member, an owner): as something they asked for.</summary>
    public Task NotifyAsync(Notification notification, IEnumerable<int> recipients, int? actorId, CancellationToken cancellationToken = default) =>
        DeliverAsync(notification, recipients.Select(id => new Recipient(id, Asked: true)), actorId, cancellationToken);

    /// <summary>
    /// Tells the followers of <paramref name="followed"/> (as asked for or only followed, as each follow says), and
    /// <paramref name="alsoTell"/> as asked for, but not <paramref name="except"/>. Past
    /// <see cref="DeliveryOptions.InlineRecipients"/> followers, only the task is saved with the change.
    /// </summary>
    public async Task NotifyFollowersAsync(
        Notification notification, FollowableItem followed, int? actorId,
        IEnumerable<int>? alsoTell = null, IEnumerable<int>? except = null, CancellationToken cancellationToken = default)
    {
        var limit = options.Value.InlineRecipients;
        var followers = await FollowersAfterAsync(followed, 0, limit + 1, cancellationToken);
        if (followers.Count > limit)
        {
            db.PendingNotifications.Add(PendingNotification.Of(notification, followed, actorId, alsoTell ?? [], except ?? [], clock.UtcNow()));
            return;
        }
        var told = (alsoTell ?? []).Select(id => new Recipient(id, Asked: true)).Concat(followers);
        await DeliverAsync(notification, Without(told, except), actorId, cancellationToken);
    }

    /// <summary>The next <paramref name="count"/> followers after user <paramref name="afterUserId"/>, in order: the fan-out's cursor.</summary>
    internal Task<List<Recipient>> FollowersAfterAsync(FollowableItem followed, int afterUserId, int count, CancellationToken cancellationToken) =>
        db.Follows.Where(f => f.TargetType == followed.Type && f.TargetId == followed.Id && f.UserId > afterUserId)
            .OrderBy(f => f.UserId).Take(count).Select(f => new Recipient(f.UserId, f.Asked)).ToListAsync(cancellationToken);

    internal static IEnumerable<Recipient> Without(IEnumerable<Recipient> recipients, IEnumerable<int>? except) =>
        except is null ? recipients : recipients.ExceptBy(except, r => r.UserId);

    /// <summary>Writes the notices and queues the emails for these recipients, each as they chose, in the caller's unit of work.</summary>
    internal async Task DeliverAsync(Notification notification, IEnumerable<Recipient> recipients, int? actorId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        foreach (var (userId, delivery) in await DecideAsync(notification, recipients, actorId, cancellationToken))
        {
            db.Notices.Add(Notice.For(userId, notification, now, delivery));
            if (delivery == Delivery.Immediately)
            {
                db.OutboxEmails.Add(EmailFor(userId, notification, now));
            }
        }
    }

    /// <summary>
    /// The same as <see cref="DeliverAsync"/> for a fan-out step's thousand people, written straight away in the step's
    /// transaction: a few <c>INSERT … SELECT</c> statements, one for each way of delivering, instead of a row at a time.
    /// </summary>
    internal async Task DeliverInBulkAsync(Notification notification, IEnumerable<Recipient> recipients, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        foreach (var group in (await DecideAsync(notification, recipients, actorId: null, cancellationToken)).GroupBy(d => d.Delivery))
        {
            var people = group.Select(d => d.UserId).ToList();
            var notice = Notice.For(0, notification, now, group.Key);
            await InsertForEachAsync("Notices", people, cancellationToken,
                ("Key", notice.Key), ("Subject", notice.Subject), ("Body", notice.Body), ("AboutType", notice.AboutType),
                ("AboutId", notice.AboutId), ("CreatedAt", notice.CreatedAt), ("AwaitingDigest", notice.AwaitingDigest?.ToCode()));
            if (group.Key == Delivery.Immediately)
            {
                var email = EmailFor(0, notification, now);
                await InsertForEachAsync("OutboxEmails", people, cancellationToken,
                    ("Key", email.Key), ("Subject", email.Subject), ("Body", email.Body), ("UnsubscribeScope", email.UnsubscribeScope),
                    ("AboutType", email.AboutType), ("AboutId", email.AboutId), ("CreatedAt", email.CreatedAt),
                    ("NextAttemptAt", email.NextAttemptAt), ("Attempts", email.Attempts));
            }
        }
    }

    /// <summary>Who of the recipients is told, and how each hears of it.</summary>
    private async Task<List<(int UserId, Delivery Delivery)>> DecideAsync(
        Notification notification, IEnumerable<Recipient> recipients, int? actorId, CancellationToken cancellationToken)
    {
        var asked = recipients.Where(r => r.UserId != actorId).GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Any(r => r.Asked));
        if (asked.Count == 0)
        {
            return [];
        }
        // One array parameter for the (up to a fan-out step's thousand) people, rather than EF Core's default of a
        // parameter each, whose statement would be parsed and bound anew for each size of step: most of a step's time.
        var candidates = asked.Keys.ToList();
        var closed = await db.Users.Where(u => EF.Parameter(candidates).Contains(u.Id) && u.DeletedAt != null).Select(u => u.Id).ToListAsync(cancellationToken);
        IEnumerable<int> told = candidates.Except(closed).ToList();
        if (notification.About is { } item)
        {
            // Followers and registrations outlive what someone may see: a removed member, a request moved elsewhere.
            told = await readers.WhoMaySeeAsync(item, [.. told], cancellationToken);
        }
        var emailOff = (await db.NotificationSettings.Where(s => EF.Parameter(candidates).Contains(s.UserId) && s.EmailOff).Select(s => s.UserId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var kind = NotificationKinds.Of(notification.About?.Type);
        var choices = kind is null ? [] : await db.NotificationPreferences.Where(p => p.Kind == kind.Code && EF.Parameter(candidates).Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.Choice, cancellationToken);
        return [.. told.Select(userId => (userId, emailOff.Contains(userId) ? Delivery.Never
            : kind is null ? Delivery.Immediately
            : choices.GetValueOrDefault(userId).DeliveryFor(asked[userId])))];
    }

    private static OutboxEmail EmailFor(int userId, Notification notification, DateTime now)
    {
        var kind = NotificationKinds.Of(notification.About?.Type);
        return new OutboxEmail
        {
            Key = notification.Key, UserId = userId, Subject = notification.Subject, Body = notification.Body,
            // One click on an email about a kind of thing stops that kind (RFC 8058); email always sent stops all.
            UnsubscribeScope = kind is null ? notification.UnsubscribeScope : UnsubscribeLink.KindScope(kind),
            AboutType = notification.About?.Type, AboutId = notification.About?.Id,
            CreatedAt = now, NextAttemptAt = now,
        };
    }

    /// <summary>
    /// One row in <paramref name="table"/> for each of <paramref name="people"/> (its <c>UserId</c>) with the same
    /// other values, in one statement; null values are left to the column's default, null.
    /// </summary>
    private Task<int> InsertForEachAsync(string table, IReadOnlyList<int> people, CancellationToken cancellationToken, params (string Column, object? Value)[] values)
    {
        var given = values.Where(v => v.Value is not null).ToList();
        var (source, ids) = db.Database.IsNpgsql()
            ? ("unnest({0}) AS people(value)", (object)people.ToArray())
            : ("json_each({0}) AS people", JsonSerializer.Serialize(people));
        var sql = $"""
            INSERT INTO "{table}" ("UserId", {string.Join(", ", given.Select(v => $"\"{v.Column}\""))})
            SELECT people.value, {string.Join(", ", given.Select((_, i) => $"{{{i + 1}}}"))} FROM {source}
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [ids, .. given.Select(v => v.Value!)], cancellationToken);
    }
}
