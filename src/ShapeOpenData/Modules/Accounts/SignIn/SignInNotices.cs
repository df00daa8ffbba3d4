using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.Modules.Accounts.SignIn;

/// <summary>
/// What the sign-in page no longer says on screen, it tells the account's owner by email: that the account is locked,
/// or that its address is not confirmed yet. The emails go into the outbox, sent after the page has answered, so the
/// page answers alike (and as fast) for every refusal. At most one email a lockout, and one reminder an hour.
/// </summary>
public sealed class SignInNotices(AppDbContext db, TimeProvider clock, ServiceLinks links, IOptions<ServiceOptions> service)
{
    private string ServiceName => service.Value.Name;

    public Task LockedOutAsync(User user, CancellationToken cancellationToken) =>
        QueueAsync(user, $"sign-in:locked-out:{user.LockoutEnd?.UtcTicks}", $"Your {ServiceName} account is locked for 15 minutes",
            $"""
            Hello {user.DisplayName},

            Someone entered the wrong password for your {ServiceName} account too many times, so nobody can sign in to it
            for the next 15 minutes.

            If it was you, wait 15 minutes and try again, or reset your password now: {links.Absolute("/account/forgotten-password")}

            If it was not you, your account is safe: they did not get in. Resetting your password is still a good idea.
            """, cancellationToken);

    public Task UnconfirmedAsync(User user, CancellationToken cancellationToken) =>
        QueueAsync(user, $"sign-in:unconfirmed:{clock.UtcNow():yyyyMMddHH}", $"Signing in to {ServiceName}: confirm your email address first",
            $"""
            Hello {user.DisplayName},

            Someone tried to sign in to your {ServiceName} account, but you have not confirmed your email address yet.

            To get a new confirmation link, go to {links.Absolute("/account/resend-confirmation")}

            If it was not you, you can ignore this email.
            """, cancellationToken);

    private async Task QueueAsync(User user, string key, string subject, string body, CancellationToken cancellationToken)
    {
        // The key names the lockout or the hour: one email each, however many tries.
        if (await db.OutboxEmails.AnyAsync(m => m.Key == key && m.UserId == user.Id, cancellationToken))
        {
            return;
        }
        var now = clock.UtcNow();
        var email = new OutboxEmail { Key = key, UserId = user.Id, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now };
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
