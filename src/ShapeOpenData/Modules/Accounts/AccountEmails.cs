using Microsoft.Extensions.Options;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>The emails the account pages send. Links are absolute, made by the page that sends them.</summary>
public sealed class AccountEmails(EmailSender email, IOptions<ServiceOptions> service)
{
    private string ServiceName => service.Value.Name;

    public Task SendConfirmationAsync(string to, string displayName, string link, CancellationToken cancellationToken) =>
        email.SendAsync(new EmailMessage(to, $"Confirm your email address for {ServiceName}",
            $"""
            Hello {displayName},

            To finish creating your {ServiceName} account, confirm your email address:

            {link}

            The link works for 24 hours. If you did not create an account, you can ignore this email.
            """), cancellationToken);

    /// <summary>Sent instead of a second confirmation, so the registration page never reveals who has an account.</summary>
    public Task SendAlreadyRegisteredAsync(string to, string signInLink, string resetLink, CancellationToken cancellationToken) =>
        email.SendAsync(new EmailMessage(to, $"You already have a {ServiceName} account",
            $"""
            Someone tried to create a {ServiceName} account with this email address, which already has one.

            If it was you, sign in: {signInLink}
            If you have forgotten your password, reset it: {resetLink}

            If it was not you, you can ignore this email. Your account has not changed.
            """), cancellationToken);

    public Task SendPasswordResetAsync(string to, string displayName, string link, CancellationToken cancellationToken) =>
        email.SendAsync(new EmailMessage(to, $"Reset your {ServiceName} password",
            $"""
            Hello {displayName},

            To choose a new password, use this link:

            {link}

            The link works for 24 hours. If you did not ask to reset your password, you can ignore this email.
            """), cancellationToken);

    public Task SendAccountDeletedAsync(string to, string displayName, CancellationToken cancellationToken) =>
        email.SendAsync(new EmailMessage(to, $"Your {ServiceName} account has been deleted",
            $"""
            Hello {displayName},

            Your {ServiceName} account has been deleted. We have removed your email address, name, profile, roles,
            sign-in details and API tokens; your group memberships and requests to join, invitations sent to you, your
            meeting places (given to the next person waiting) and what you followed; your unfinished request, your
            reasons for reporting comments, earlier wordings of your comments, what you said you would use data for,
            and the emails we kept for you.

            Requests, comments, quality reports, minutes and actions you contributed, and the support you gave, stay
            public, shown as from a "{User.FormerParticipant}". The audit log keeps a record of what changed, with
            nothing that says who you were.
            """), cancellationToken);
}
