using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>A module's part of "download my data": everything it holds about one person.</summary>
public interface IPersonalData
{
    /// <summary>The name of this part in the download, like <c>account</c> or <c>requests</c>.</summary>
    string Section { get; }

    Task<object?> ExportAsync(int userId, CancellationToken cancellationToken);
}

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

internal sealed class AccountPersonalData(AppDbContext db) : IPersonalData
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
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId)
            .Select(t => new { t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt }).ToListAsync(cancellationToken);
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
            ApiTokens = tokens,
        };
    }
}
