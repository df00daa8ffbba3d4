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

    /// <param name="root">The service's address to link from; by default the configured or current one.</param>
    public Uri For(int userId, string scope, string? root = null)
    {
        var path = "unsubscribe/" + _protector.Protect($"{userId.ToString(CultureInfo.InvariantCulture)}|{scope}");
        return root is null ? links.Absolute(path) : new Uri(new Uri(root), path);
    }

    public (int UserId, string Scope)? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split('|', 2);
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
