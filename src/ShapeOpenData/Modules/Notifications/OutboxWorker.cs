using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Notifications;

public sealed class OutboxOptions
{
    /// <summary>How often an idle worker looks for email to send.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>How many emails one sender claims at a time; 0 sends nothing (for tests that look at the queue).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How many senders work at once, each over its own SMTP connection (or its own requests to GOV.UK Notify).</summary>
    public int Connections { get; set; } = 4;

    /// <summary>While there is email waiting, how often the worker logs how much it sent and how much waits.</summary>
    public double ProgressSeconds { get; set; } = 10;
}

/// <summary>
/// Sends what is in the outbox with <see cref="OutboxOptions.Connections"/> senders at once. Each sender claims a batch
/// in one statement (so two senders or instances never send the same email at once), sends it over its connection,
/// marks the batch sent once the mail server has accepted it, and retries a failed email with back-off. After a crash,
/// anything not marked sent goes again: at least once. While the outbox is empty only the first sender looks, every
/// <see cref="OutboxOptions.PollSeconds"/>, and only reads; when it finds email it wakes the others.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes, EmailSender email, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _emailWaiting = new(0);
    private int _idleSenders;
    private int _sentSinceReport;
    private long _lastReport;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _lastReport = clock.GetTimestamp();
        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Connections)).Select(i => SendUntilStoppedAsync(looks: i == 0, stoppingToken)));
    }

    /// <param name="looks">Whether this is the sender that looks for email while the outbox is empty (the others wait to be woken).</param>
    private async Task SendUntilStoppedAsync(bool looks, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // The connection stays open while there is email to send, and is closed while the outbox is empty.
            await using (var connection = email.OpenBatch())
            {
                while (await SendBatchOrLogAsync(connection, stoppingToken) > 0)
                {
                    if (looks && Interlocked.Exchange(ref _idleSenders, 0) is > 0 and var idle)
                    {
                        _emailWaiting.Release(idle);
                    }
                    await ReportProgressAsync(stoppingToken);
                }
            }
            try
            {
                if (looks)
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, stoppingToken);
                }
                else
                {
                    Interlocked.Increment(ref _idleSenders);
                    await _emailWaiting.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> SendBatchOrLogAsync(EmailBatch connection, CancellationToken stoppingToken)
    {
        try
        {
            return await SendBatchAsync(connection, stoppingToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogBatchFailed(logger, failure);
            return 0;
        }
    }

    /// <summary>Sends up to one batch over a connection of its own; returns how many were handled.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = email.OpenBatch();
        return await SendBatchAsync(connection, cancellationToken);
    }

    private async Task<int> SendBatchAsync(EmailBatch connection, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unsubscribeLinks = scope.ServiceProvider.GetRequiredService<UnsubscribeLinks>();
        var readers = scope.ServiceProvider.GetRequiredService<ItemReaders>();
        var claimed = await ClaimAsync(db, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }
        var messages = await db.OutboxEmails.AsNoTracking().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id)
            .Select(m => new { Email = m, To = db.Users.Where(u => u.Id == m.UserId && u.DeletedAt == null).Select(u => u.Email).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var readersOf = await ReadersAsync(readers, [.. messages.Select(m => m.Email)], cancellationToken);

        var outcomes = new List<(long Id, string? NotSent)>();
        try
        {
            foreach (var (message, to) in messages.Select(m => (m.Email, m.To)))
            {
                try
                {
                    var notSent = to is null ? "The account is closed; not sent."
                        : message is { AboutType: { } type, AboutId: { } itemId } && !readersOf[new FollowableItem(type, itemId)].Contains(message.UserId)
                            ? "They may no longer see what it is about; not sent."
                        : null;
                    if (notSent is null)
                    {
                        // Signed here, not when queued: signing can create a key, which must not wait on the queuing transaction.
                        var unsubscribe = message.UnsubscribeScope is null ? null : unsubscribeLinks.For(message.UserId, message.UnsubscribeScope);
                        await connection.SendAsync(new EmailMessage(to!, message.Subject, message.Body, unsubscribe, $"outbox {message.Id}"), cancellationToken);
                    }
                    outcomes.Add((message.Id, notSent));
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    var attempts = message.Attempts + 1;
                    var retryAt = clock.UtcNow() + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
                    await db.OutboxEmails.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.NextAttemptAt, retryAt)
                        .SetProperty(m => m.LockedUntil, (DateTime?)null)
                        .SetProperty(m => m.LastError, failure.GetType().Name + ": " + failure.Message), CancellationToken.None);
                    LogSendFailed(logger, message.Id, attempts, failure.GetType().Name);
                }
            }
        }
        finally
        {
            // Marked sent together, and also when stopping part way: a crash before this sends them again, never loses them.
            var sentAt = clock.UtcNow();
            foreach (var group in outcomes.GroupBy(o => o.NotSent))
            {
                var ids = group.Select(o => o.Id).ToList();
                await db.OutboxEmails.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, group.Key), CancellationToken.None);
            }
        }
        Interlocked.Add(ref _sentSinceReport, outcomes.Count);
        return messages.Count;
    }

    /// <summary>
    /// Takes up to a batch of due email that no one else holds, for <see cref="Claim"/>, in one statement: on SQLite the
    /// statement has the database to itself; on PostgreSQL rows another sender is claiming are skipped, not waited for.
    /// </summary>
    private async Task<List<long>> ClaimAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        // Looking is a read: an empty outbox never takes SQLite's write lock from the people using the service.
        if (!await db.OutboxEmails.AnyAsync(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now), cancellationToken))
        {
            return [];
        }
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE "OutboxEmails" SET "LockedUntil" = {0}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxEmails"
                WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {1} AND ("LockedUntil" IS NULL OR "LockedUntil" < {1})
                ORDER BY "NextAttemptAt" LIMIT {2} {{skipLocked}})
            RETURNING "Id" AS "Value"
            """;
        return await db.Database.SqlQueryRaw<long>(sql, now + Claim, now, options.Value.BatchSize).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Who may see each item the emails tell of, asked again when sending: who may see an item changes between the
    /// change that queued the email and now. One question for each item, however many of its followers the batch holds.
    /// </summary>
    private static async Task<Dictionary<FollowableItem, HashSet<int>>> ReadersAsync(
        ItemReaders readers, IReadOnlyList<OutboxEmail> messages, CancellationToken cancellationToken)
    {
        var readersOf = new Dictionary<FollowableItem, HashSet<int>>();
        foreach (var about in messages.Where(m => m.AboutType is not null && m.AboutId is not null)
                     .GroupBy(m => new FollowableItem(m.AboutType!, m.AboutId!.Value)))
        {
            readersOf[about.Key] = [.. await readers.WhoMaySeeAsync(about.Key, [.. about.Select(m => m.UserId).Distinct()], cancellationToken)];
        }
        return readersOf;
    }

    private async Task ReportProgressAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastReport);
        if (clock.GetElapsedTime(last, now).TotalSeconds < options.Value.ProgressSeconds || Interlocked.CompareExchange(ref _lastReport, now, last) != last)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var waiting = await db.OutboxEmails.CountAsync(m => m.SentAt == null, cancellationToken);
        LogProgress(logger, Interlocked.Exchange(ref _sentSinceReport, 0), clock.GetElapsedTime(last, now).TotalSeconds, waiting);
    }

    [LoggerMessage(LogLevel.Warning, "Outbox email {Id} failed (attempt {Attempts}): {Failure}; it will be retried")]
    private static partial void LogSendFailed(ILogger logger, long id, int attempts, string failure);

    [LoggerMessage(LogLevel.Information, "Outbox: {Sent} emails sent in the last {Seconds:0} seconds, {Waiting} waiting")]
    private static partial void LogProgress(ILogger logger, int sent, double seconds, int waiting);

    [LoggerMessage(LogLevel.Error, "The outbox worker failed a batch; it will try again")]
    private static partial void LogBatchFailed(ILogger logger, Exception failure);
}
