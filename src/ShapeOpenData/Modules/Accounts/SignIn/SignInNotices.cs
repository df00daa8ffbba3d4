using Microsoft.Extensions.Options;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Accounts.SignIn;

/// <summary>
/// What the sign-in page no longer says on screen, it tells the account's owner by email: that the account is locked,
/// or that its address is not confirmed yet. The emails go into the outbox, sent after the page has answered, so the
/// page answers alike (and as fast) for every refusal. At most one email a lockout, and one reminder an hour.
/// </summary>
public sealed class SignInNotices(IAccountOutbox outbox, TimeProvider clock, ServiceLinks links, IOptions<ServiceOptions> service)
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

    private Task QueueAsync(User user, string key, string subject, string body, CancellationToken cancellationToken) =>
        outbox.QueueAsync(user.Id, key, subject, body, cancellationToken);
}

/// <summary>
/// The outbox, for email about a person's own account: saved now, sent after the page has answered. The Notifications
/// module keeps the outbox, and implements this.
/// </summary>
public interface IAccountOutbox
{
    /// <param name="key">Names what the email is about: one email per key and person, however often it is asked for.</param>
    Task QueueAsync(int userId, string key, string subject, string body, CancellationToken cancellationToken);
}
