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
/// <param name="Scope">
/// <c>kind:requests</c> (email about one kind of thing), <c>digest</c> (digests), <c>all</c>, or — in links sent before
/// there were kinds — <c>follow:request:12</c> (following one item).
/// </param>
public sealed record UnsubscribeLink(int UserId, string Scope)
{
    public const string DigestScope = "digest";

    public static string KindScope(NotificationKinds.Kind kind) => $"kind:{kind.Code}";

    /// <summary>The item a follow link is about; null for any other link.</summary>
    public FollowableItem? Followed => FollowableItem.In(Scope);

    /// <summary>The kind of email a kind link stops; null for any other link.</summary>
    public NotificationKinds.Kind? Kind => Scope.StartsWith("kind:", StringComparison.Ordinal) ? NotificationKinds.Named(Scope[5..]) : null;

    public bool Digests => Scope == DigestScope;
}
