using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Audit;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>Names the people in the audit log, and finds them by email address or display name, for the audit page.</summary>
internal sealed class AuditActors(AppDbContext db) : IAuditActors
{
    public Task<IReadOnlyDictionary<int, string>> NamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.PublicNamesAsync(ids, cancellationToken);

    public async Task<IReadOnlyList<int>> FindAsync(string emailOrName, CancellationToken cancellationToken)
    {
        // Identity keeps email addresses upper-cased for look-ups; display names are compared the same way, by the
        // database's upper(), in SQL: culture and comparison overloads do not apply.
        var normalised = emailOrName.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862
        return await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalised || u.DisplayName.ToUpper() == normalised)
            .Select(u => u.Id).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }
}
