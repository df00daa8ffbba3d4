using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// One-click unsubscribe links: the person and what to stop, signed by the service's data-protection keys,
/// so a link works without signing in and cannot be forged or changed.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, ServiceLinks links)
{
    private readonly IDataProtector _protector = protection.CreateProtector("unsubscribe.v1");

    public Uri For(int userId, string scope) =>
        links.Absolute("unsubscribe/" + _protector.Protect($"{userId.ToString(CultureInfo.InvariantCulture)}|{scope}"));

    /// <summary>The link behind <paramref name="token"/>, or null when this service did not sign it.</summary>
    public UnsubscribeLink? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split('|', 2);
            return new UnsubscribeLink(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>An unsubscribe link as read back: the person it was sent to and what it stops.</summary>
/// <param name="Scope"><c>follow:request:12</c> (following one item) or <c>all</c>.</param>
public sealed record UnsubscribeLink(int UserId, string Scope)
{
    /// <summary>The item a follow link is about; null when the link stops all email.</summary>
    public FollowableItem? Followed => FollowableItem.In(Scope);
}
