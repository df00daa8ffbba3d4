using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// A module's part of "download my data" and "delete my account": everything it holds about one person, and how it
/// lets go of it. Every module with a table that names a person implements it for its own tables.
/// </summary>
public interface IPersonalData
{
    /// <summary>The name of this part in the download, like <c>account</c> or <c>requests</c>.</summary>
    string Section { get; }

    /// <summary>Everything the person wrote here, or that is kept here about them.</summary>
    Task<object?> ExportAsync(int userId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes what identifies the person here, or makes it anonymous: what stays (a public contribution, a record of
    /// work done) names only their account, which becomes "Former participant". Runs in the deletion's one transaction,
    /// before the account itself is anonymised; saves its own changes.
    /// </summary>
    Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken);
}

/// <summary>Someone whose account is being deleted, with the email address they had (invitations were sent to it).</summary>
public sealed record LeavingPerson(int UserId, string Email);

/// <summary>Puts every module's part together into one JSON document.</summary>
public sealed class PersonalDataExport(IEnumerable<IPersonalData> parts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> ExportAsync(int userId, CancellationToken cancellationToken)
    {
        var document = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["exportedAt"] = clock.UtcNow() };
        foreach (var part in parts)
        {
            document[part.Section] = await part.ExportAsync(userId, cancellationToken);
        }
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}

/// <summary>The account itself: details, roles, sign-in methods, tokens, and the account's trail in the audit log.</summary>
internal sealed class AccountPersonalData(AppDbContext db, ApiTokens tokens) : IPersonalData
{
    public string Section => "account";

    public async Task<object?> ExportAsync(int userId, CancellationToken cancellationToken)
    {
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new
        {
            u.Email,
            u.EmailConfirmed,
            u.DisplayName,
            u.Sector,
            u.OrganisationName,
            u.Bio,
            u.CreatedAt,
            u.TwoFactorEnabled,
        }).SingleAsync(cancellationToken);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           select role.Name).ToListAsync(cancellationToken);
        var publishesFor = await db.PublisherMemberships.Where(m => m.UserId == userId)
            .Select(m => m.Organisation!.Name).ToListAsync(cancellationToken);
        var apiTokens = await db.ApiTokens.Where(t => t.UserId == userId)
            .Select(t => new { t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.IsReadOnly, t.RevokedAt }).ToListAsync(cancellationToken);
        return new
        {
            account.Email,
            account.EmailConfirmed,
            account.DisplayName,
            Sector = account.Sector?.ToCode(),
            account.OrganisationName,
            account.Bio,
            account.CreatedAt,
            account.TwoFactorEnabled,
            Roles = roles,
            PublishesFor = publishesFor,
            ApiTokens = apiTokens,
            Claims = await db.UserClaims.Where(c => c.UserId == userId).Select(c => new { c.ClaimType, c.ClaimValue }).ToListAsync(cancellationToken),
            Logins = await db.UserLogins.Where(l => l.UserId == userId).Select(l => new { l.LoginProvider, l.ProviderDisplayName }).ToListAsync(cancellationToken),
            // Which sign-in secrets are kept (an authenticator key, recovery codes), never the secrets themselves.
            SignInSecretsHeld = await db.UserTokens.Where(t => t.UserId == userId).Select(t => t.Name).ToListAsync(cancellationToken),
            // What they did, as the audit log records it; its snapshots may hold other people's details, so not those.
            Activity = await db.AuditEntries.Where(e => e.ActorId == userId).OrderBy(e => e.Id)
                .Select(e => new { e.At, Item = e.EntityType, ItemId = e.EntityId, e.Action }).ToListAsync(cancellationToken),
        };
    }

    /// <summary>
    /// Roles, publisher memberships, sign-in methods and tokens go. The audit log keeps its entries: it is append-only,
    /// and names the person only by their account, which is anonymised.
    /// </summary>
    public async Task EraseAsync(LeavingPerson person, CancellationToken cancellationToken)
    {
        var userId = person.UserId;
        await tokens.RemoveAllAsync(userId, cancellationToken);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PublisherMemberships.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
