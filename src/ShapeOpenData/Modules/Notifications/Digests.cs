using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Follows;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// One digest a period: the day (or, for weekly digests, the week from Monday) that ended at the digest hour, UK time.
/// </summary>
/// <param name="Key">Names the period, like <c>daily-2026-12-04</c>: the digest email's key, one per person.</param>
/// <param name="Before">Notices written before this instant (UTC) belong to it.</param>
public sealed record DigestPeriod(Delivery Delivery, string Key, DateTime Before)
{
    /// <summary>The latest daily and weekly periods that have ended by <paramref name="now"/>.</summary>
    public static IReadOnlyList<DigestPeriod> EndedBy(DateTimeOffset now, int hour)
    {
        var uk = TimeZoneInfo.ConvertTime(now, TimeProviderExtensions.UkTime);
        var day = DateOnly.FromDateTime(uk.DateTime);
        if (uk.Hour < hour)
        {
            day = day.AddDays(-1);
        }
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return [Of(Delivery.Daily, "daily", day, hour), Of(Delivery.Weekly, "weekly", monday, hour)];
    }

    private static DigestPeriod Of(Delivery delivery, string name, DateOnly day, int hour) =>
        new(delivery, $"{name}-{day:yyyy-MM-dd}", TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), TimeProviderExtensions.UkTime));
}

/// <summary>
/// Sends each person who chose digests one email per period with what they were told since their last: grouped by item,
/// each with its link, only what they may still see, nothing when there is nothing. A person's digest is written in one
/// transaction — its notices marked taken and the email queued under a key unique to the person and period — so a run
/// killed at any point and started again sends every digest exactly once.
/// </summary>
public sealed class Digests(
    AppDbContext db, TimeProvider clock, ItemReaders readers, IEnumerable<IFollowable> followables, ServiceLinks links, IOptions<DeliveryOptions> options)
{
    /// <summary>Writes every digest due by now; returns how many were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var period in DigestPeriod.EndedBy(clock.GetUtcNow(), options.Value.DigestHour))
        {
            var people = await db.Notices.Where(n => n.AwaitingDigest == period.Delivery && n.CreatedAt < period.Before)
                .Select(n => n.UserId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
            foreach (var userId in people)
            {
                queued += await WriteAsync(userId, period, cancellationToken) ? 1 : 0;
                db.ChangeTracker.Clear();
            }
        }
        return queued;
    }

    private async Task<bool> WriteAsync(int userId, DigestPeriod period, CancellationToken cancellationToken)
    {
        if (await db.OutboxEmails.AnyAsync(m => m.Key == $"digest:{period.Key}" && m.UserId == userId, cancellationToken))
        {
            return false; // Their digest for this period is written: what came late waits for the next one.
        }
        var notices = await db.Notices.Where(n => n.UserId == userId && n.AwaitingDigest == period.Delivery && n.CreatedAt < period.Before)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        foreach (var notice in notices)
        {
            notice.TakenInto(period.Key);
        }
        var emailed = await db.Users.AnyAsync(u => u.Id == userId && u.DeletedAt == null, cancellationToken)
            && !await db.NotificationSettings.AnyAsync(s => s.UserId == userId && s.EmailOff, cancellationToken);
        var items = emailed ? await ItemsAsync(userId, notices, cancellationToken) : [];
        if (items.Count > 0)
        {
            var now = clock.UtcNow();
            var count = items.Sum(i => i.Notices.Count);
            db.OutboxEmails.Add(new OutboxEmail
            {
                Key = $"digest:{period.Key}", UserId = userId, CreatedAt = now, NextAttemptAt = now, UnsubscribeScope = UnsubscribeLink.DigestScope,
                Subject = $"Your {(period.Delivery == Delivery.Daily ? "daily" : "weekly")} digest: {count} {(count == 1 ? "update" : "updates")} on {Things(items.Count)}",
                Body = Compose(items, period),
            });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return items.Count > 0;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.OutboxEmails.AnyAsync(m => m.Key == $"digest:{period.Key}" && m.UserId == userId, cancellationToken))
            {
                return false; // Another instance wrote this digest first.
            }
            throw;
        }
    }

    private sealed record Item(string Title, string Url, List<Notice> Notices);

    /// <summary>The notices grouped by item, in the order they came, keeping only items the person may still see.</summary>
    private async Task<List<Item>> ItemsAsync(int userId, List<Notice> notices, CancellationToken cancellationToken)
    {
        var items = new List<Item>();
        foreach (var group in notices.GroupBy(n => (n.AboutType, n.AboutId)))
        {
            if (group.Key is not (AboutType: { } type, AboutId: { } id)
                || !await readers.MaySeeAsync(new FollowableItem(type, id), userId, cancellationToken)
                || await followables.Single(f => f.Type == type).DescribeAsync(id, cancellationToken) is not { } described)
            {
                continue;
            }
            items.Add(new Item(described.Title, links.Absolute(described.Url).ToString(), [.. group]));
        }
        return items;
    }

    private string Compose(List<Item> items, DigestPeriod period)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Here is what happened to {Things(items.Count)} you follow, up to {period.Before.ToUkClockTime()} on {period.Before.ToUkTime():d MMMM yyyy}.\n");
        foreach (var item in items)
        {
            body.Append(CultureInfo.InvariantCulture, $"\n{item.Title}\n{item.Url}\n");
            foreach (var notice in item.Notices)
            {
                body.Append(CultureInfo.InvariantCulture, $"- {notice.CreatedAt.ToUkTime():d MMMM}, {notice.CreatedAt.ToUkClockTime()}: {notice.Subject}\n  {notice.Opening.Replace("\n", "\n  ", StringComparison.Ordinal)}\n");
            }
        }
        body.Append(CultureInfo.InvariantCulture, $"\nEverything here is also in your notifications: {links.Absolute("/notifications")}\n");
        return body.ToString();
    }

    private static string Things(int count) => count == 1 ? "1 thing" : $"{count} things";
}
