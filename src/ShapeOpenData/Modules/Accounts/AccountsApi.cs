using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary><c>GET /api/v1/me</c>: who a token belongs to and what it may do, so a client can check its token.</summary>
public static class AccountsApi
{
    /// <param name="Roles">Roles in effect: staff roles count only once two-factor authentication is on, where required.</param>
    /// <param name="PublisherFor">Slugs of the organisations they publish for.</param>
    /// <param name="Token">The token this request was made with.</param>
    public sealed record MeResponse(int Id, string DisplayName, string? Sector, IReadOnlyList<string> Roles, IReadOnlyList<string> PublisherFor, MeToken? Token);

    /// <param name="ExpiresAt">When it stops working (UTC); null when it has no expiry.</param>
    /// <param name="ReadOnly">True when it may only read: any write gets 403.</param>
    public sealed record MeToken(string Name, DateTime CreatedAt, DateTime? ExpiresAt, bool ReadOnly);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", MeAsync)
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("The token's owner")
            .WithDescription("Who the personal API token belongs to, the roles it acts with, and the token itself: when it expires and whether it is read-only.");

    private static async Task<Ok<MeResponse>> MeAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.UserId()!.Value;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Sector }).SingleAsync(cancellationToken);
        var organisations = principal.PublisherOrganisations();
        var slugs = await db.Organisations.Where(o => organisations.Contains(o.Id)).OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync(cancellationToken);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
        var tokenId = principal.ApiTokenId();
        var token = await db.ApiTokens.Where(t => t.Id == tokenId)
            .Select(t => new MeToken(t.Name, t.CreatedAt, t.ExpiresAt, t.IsReadOnly)).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new MeResponse(userId, user.DisplayName, user.Sector?.ToCode(), roles, slugs, token));
    }
}
