using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Notifications;

public sealed class OutboxOptions
{
    /// <summary>How often an idle worker looks for email to send.</summary>
    public double PollSeconds { get; set; } = 1;
    public int BatchSize { get; set; } = 20;
}

/// <summary>
/// Sends what is in the outbox. Each email is claimed before sending (so two instances never send the
/// same one at once), marked sent as soon as the mail server accepts it, and retried with back-off when it
/// fails. After a crash, anything not marked sent goes again: at least once.
/// </summary>
public sealed partial class OutboxWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await SendBatchAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogBatchFailed(logger, failure);
                sent = 0;
            }
            if (sent == 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends up to one batch; returns how many were handled.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var email = scope.ServiceProvider.GetRequiredService<EmailSender>();
        var unsubscribeLinks = scope.ServiceProvider.GetRequiredService<UnsubscribeLinks>();
        var readers = scope.ServiceProvider.GetRequiredService<ItemReaders>();
        var now = clock.UtcNow();
        var due = await db.OutboxEmails
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);

        var handled = 0;
        await using var batch = email.OpenBatch();
        foreach (var id in due)
        {
            var claimedUntil = now + Claim;
            var claimed = await db.OutboxEmails
                .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue; // Another instance took it.
            }
            var message = await db.OutboxEmails.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            var to = await db.Users.Where(u => u.Id == message.UserId && u.DeletedAt == null).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            try
            {
                var notSent = to is null ? "The account is closed; not sent."
                    : !await MaySeeAsync(readers, message, cancellationToken) ? "They may no longer see what it is about; not sent."
                    : null;
                if (notSent is null)
                {
                    // Signed here, not when queued: signing can create a key, which must not wait on the queuing transaction.
                    var unsubscribe = message.UnsubscribeScope is null ? null : unsubscribeLinks.For(message.UserId, message.UnsubscribeScope);
                    await batch.SendAsync(new EmailMessage(to!, message.Subject, message.Body, unsubscribe, $"outbox {id}"), cancellationToken);
                }
                await db.OutboxEmails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, clock.UtcNow())
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, notSent), cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var retryAt = clock.UtcNow() + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
                await db.OutboxEmails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, retryAt)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, failure.GetType().Name + ": " + failure.Message), CancellationToken.None);
                LogSendFailed(logger, id, attempts, failure.GetType().Name);
            }
            handled++;
        }
        return handled;
    }

    /// <summary>Asked again when sending: who may see an item changes between the change that queued the email and now.</summary>
    private static Task<bool> MaySeeAsync(ItemReaders readers, OutboxEmail message, CancellationToken cancellationToken) =>
        message is { AboutType: { } type, AboutId: { } itemId }
            ? readers.MaySeeAsync(new FollowableItem(type, itemId), message.UserId, cancellationToken)
            : Task.FromResult(true);

    [LoggerMessage(LogLevel.Warning, "Outbox email {Id} failed (attempt {Attempts}): {Failure}; it will be retried")]
    private static partial void LogSendFailed(ILogger logger, long id, int attempts, string failure);

    [LoggerMessage(LogLevel.Error, "The outbox worker failed a batch; it will try again")]
    private static partial void LogBatchFailed(ILogger logger, Exception failure);
}
