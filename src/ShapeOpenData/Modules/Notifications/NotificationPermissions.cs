using System.Diagnostics.CodeAnalysis;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>
/// Who may stop which emails. Unsubscribing needs no sign-in, since mail programs post the link by themselves
/// (RFC 8058): the signed link is the proof. It speaks only for the person it was sent to, and stops what it was
/// sent about (following one item, or all email) or, if its holder asks, all email for that person; nothing else.
/// </summary>
public static class NotificationPermissions
{
    /// <summary>A link this service signed; a forged, altered or made-up one stops nothing.</summary>
    public static bool CanUnsubscribe([NotNullWhen(true)] UnsubscribeLink? link) => link is not null;
}
