using System.Security.Claims;

namespace ShapeOpenData.Modules.Follows;

/// <summary>A kind of item people can follow; its module says what an item is called, where it lives and who may see it.</summary>
public interface IFollowable
{
    /// <summary>The code used in follows and links, like <c>request</c>.</summary>
    string Type { get; }

    Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="person"/> may see the item and what following it tells (for a group, its members-only
    /// content), by the module's own permissions: false for an item that does not exist. Asked before anyone follows
    /// it, and for every email about it when the email is written and again when it is sent, since who may see an item
    /// changes (a member removed, a confidential request moved to another organisation).
    /// </summary>
    Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken);
}
