using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Accounts;

public static class PublicNames
{
    /// <summary>
    /// The names shown for people's public contributions, by id: theirs, or "Former participant" once their
    /// account is gone. Every page and list that names people asks here.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, string>> PublicNamesAsync(this AppDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<int, string>()
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DeletedAt == null ? u.DisplayName : User.FormerParticipant, cancellationToken);
    }
}
