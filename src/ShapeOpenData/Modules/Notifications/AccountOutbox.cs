using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts.SignIn;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// Email about a person's own account (a lockout, an unconfirmed address) through the outbox. Unlike a notification it
/// is sent whatever their email setting, and carries no unsubscribe link: it is about their security, not an item.
/// </summary>
internal sealed class AccountOutbox(AppDbContext db, TimeProvider clock) : IAccountOutbox
{
    public async Task QueueAsync(int userId, string key, string subject, string body, CancellationToken cancellationToken)
    {
        if (await db.OutboxEmails.AnyAsync(m => m.Key == key && m.UserId == userId, cancellationToken))
        {
            return;
        }
        var now = clock.UtcNow();
        var email = new OutboxEmail { Key = key, UserId = userId, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now };
        db.OutboxEmails.Add(email);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another try queued the same one at the same moment: it is on its way.
            db.Entry(email).State = EntityState.Detached;
        }
    }
}
