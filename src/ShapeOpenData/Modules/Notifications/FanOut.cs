using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// A notification for the followers of an item with more of them than the change's own transaction should write: saved
/// with the change, then told in steps by <see cref="FanOut"/>, each step a transaction that writes a chunk of
/// followers' notices and emails and moves <see cref="Cursor"/> on. Gone when all are told.
/// </summary>
public sealed class PendingNotification
{
    public const int KeyMaxLength = 100;
    public const int SubjectMaxLength = Notice.SubjectMaxLength;
    public const int BodyMaxLength = 20_000;
    public const int ScopeMaxLength = 100;
    public const int TypeMaxLength = 40;

    /// <summary>The people named besides the followers (a requester, publishers), comma-separated; a short list.</summary>
    public const int PeopleMaxLength = 20_000;

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string UnsubscribeScope { get; private set; } = "";
    public string? AboutType { get; private set; }
    public int? AboutId { get; private set; }
    public string FollowedType { get; private set; } = "";
    public int FollowedId { get; private set; }
    public string AlsoTell { get; private set; } = "";

    /// <summary>Who is not told, comma-separated: the person who acted, and any told otherwise.</summary>
    public string Except { get; private set; } = "";

    /// <summary>The followers up to this one (by user id) are told; 0 before the first step.</summary>
    public int Cursor { get; private set; }

    /// <summary>How many followers the steps so far went through: the progress an operator sees.</summary>
    public int Done { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static PendingNotification Of(
        Notification notification, FollowableItem followed, int? actorId, IEnumerable<int> alsoTell, IEnumerable<int> except, DateTime now) => new()
    {
        Key = notification.Key, Subject = notification.Subject, Body = notification.Body, UnsubscribeScope = notification.UnsubscribeScope,
        AboutType = notification.About?.Type, AboutId = notification.About?.Id, FollowedType = followed.Type, FollowedId = followed.Id,
        AlsoTell = Join(alsoTell), Except = Join(actorId is { } actor ? except.Append(actor) : except), CreatedAt = now,
    };

    public Notification Notification => new(Key, Subject, Body, UnsubscribeScope)
    {
        About = AboutType is { } type && AboutId is { } id ? new FollowableItem(type, id) : null,
    };

    public FollowableItem Followed => new(FollowedType, FollowedId);

    public static IReadOnlyList<int> Split(string people) =>
        [.. people.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))];

    private static string Join(IEnumerable<int> people) => string.Join(',', people.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>
/// Tells the followers of a <see cref="PendingNotification"/> a chunk at a time. A step claims its chunk by moving the
/// cursor on only if no one else did (so two instances never tell the same people), in the same transaction as the notices
/// and emails it writes: killed at any point, the work resumes where the last committed step ended, and nobody is told twice.
/// </summary>
public sealed partial class FanOut(AppDbContext db, Notifier notifier, IOptions<DeliveryOptions> options, ILogger<FanOut> logger)
{
    /// <summary>Runs steps until nothing is pending; returns how many people's notices it wrote (or passed over).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (await db.PendingNotifications.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken) is { } pending)
        {
            total += await StepAsync(pending, cancellationToken);
            db.ChangeTracker.Clear();
            // A breath between steps: on SQLite, one writer at a time, the people acting meanwhile get their turn.
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.FanOutPauseMilliseconds), cancellationToken);
        }
        return total;
    }

    private async Task<int> StepAsync(PendingNotification pending, CancellationToken cancellationToken)
    {
        var chunk = options.Value.FanOutChunk;
        var followers = await notifier.FollowersAfterAsync(pending.Followed, pending.Cursor, chunk, cancellationToken);
        var first = pending.Cursor == 0;
        var alsoTell = PendingNotification.Split(pending.AlsoTell);
        var recipients = first
            ? alsoTell.Select(id => new Recipient(id, Asked: true)).Concat(followers)
            : Notifier.Without(followers, alsoTell); // Told in the first step.
        var finished = followers.Count < chunk;
        var after = followers.Count == 0 ? pending.Cursor : followers[^1].UserId;
        var done = pending.Done + followers.Count;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = finished
            ? await db.PendingNotifications.Where(p => p.Id == pending.Id && p.Cursor == pending.Cursor).ExecuteDeleteAsync(cancellationToken)
            : await db.PendingNotifications.Where(p => p.Id == pending.Id && p.Cursor == pending.Cursor)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Cursor, after).SetProperty(p => p.Done, done), cancellationToken);
        if (claimed == 0)
        {
            return 0; // Another instance took this step.
        }
        await notifier.DeliverInBulkAsync(pending.Notification, Notifier.Without(recipients, PendingNotification.Split(pending.Except)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogProgress(logger, pending.Key, done, finished ? "all told" : "continuing");
        return followers.Count + (first ? alsoTell.Count : 0);
    }

    [LoggerMessage(LogLevel.Information, "Notification {Key}: {Done} followers told, {State}")]
    private static partial void LogProgress(ILogger logger, string key, int done, string state);
}
