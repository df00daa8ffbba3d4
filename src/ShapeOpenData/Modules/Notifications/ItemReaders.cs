using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Follows;

namespace ShapeOpenData.Modules.Notifications;

/// <summary>An item some module owns, by its type code (<c>request</c>, <c>group</c> …) and id: what an email tells of.</summary>
public sealed record FollowableItem(string Type, int Id)
{
    /// <summary>The item a follow scope like <c>follow:request:12</c> names; null for any other scope (<c>all</c>).</summary>
    public static FollowableItem? In(string scope) =>
        scope.Split(':') is ["follow", var type, var id] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var itemId)
            ? new FollowableItem(type, itemId)
            : null;
}

/// <summary>
/// Which people may see an item, asked of the module that owns it (its <see cref="IFollowable"/>) with each person as
/// they would be when signed in: their roles, organisations and memberships now. The notifications module asks it
/// without knowing the modules, when an email is written and again when it is sent.
/// </summary>
public sealed class ItemReaders(AppDbContext db, IEnumerable<IFollowable> followables, IUserClaimsPrincipalFactory<User> principals)
{
    private static readonly ClaimsPrincipal Anyone = new(new ClaimsIdentity());

    /// <summary>Those of <paramref name="userIds"/> (with open accounts) who may see <paramref name="item"/>.</summary>
    public async Task<IReadOnlyList<int>> WhoMaySeeAsync(FollowableItem item, IReadOnlyCollection<int> userIds, CancellationToken cancellationToken)
    {
        // A kind of item nobody registered is a mistake in the code: no email goes out about it rather than to everyone.
        var followable = followables.SingleOrDefault(f => f.Type == item.Type)
            ?? throw new InvalidOperationException($"No module says who may see items of type '{item.Type}'");
        if (userIds.Count == 0)
        {
            return [];
        }
        // Most items are public: then one question answers for everyone.
        if (await followable.CanSeeAsync(item.Id, Anyone, cancellationToken))
        {
            return [.. userIds];
        }
        // One array parameter, not one per person: a private group's meeting may tell thousands.
        var ids = userIds.ToArray();
        var users = await db.Users.AsNoTracking().Where(u => EF.Parameter(ids).Contains(u.Id) && u.DeletedAt == null).ToListAsync(cancellationToken);
        var readers = new List<int>();
        foreach (var user in users)
        {
            if (await followable.CanSeeAsync(item.Id, await principals.CreateAsync(user), cancellationToken))
            {
                readers.Add(user.Id);
            }
        }
        return readers;
    }

    public async Task<bool> MaySeeAsync(FollowableItem item, int userId, CancellationToken cancellationToken) =>
        (await WhoMaySeeAsync(item, [userId], cancellationToken)).Count == 1;
}
