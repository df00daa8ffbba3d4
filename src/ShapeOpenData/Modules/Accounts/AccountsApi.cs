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
    public sealed record MeResponse(int Id, string DisplayName, string? Sector, IReadOnlyList<string> Roles, IReadOnlyList<string> PublisherFor);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", MeAsync)
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("The token's owner")
            .WithDescription("Who the personal API token belongs to, and the roles it acts with.");

    private static async Task<Ok<MeResponse>> MeAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.UserId()!.Value;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Sector }).SingleAsync(cancellationToken);
        var organisations = principal.PublisherOrganisations();
        var slugs = await db.Organisations.Where(o => organisations.Contains(o.Id)).OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync(cancellationToken);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
        return TypedResults.Ok(new MeResponse(userId, user.DisplayName, user.Sector?.ToCode(), roles, slugs));
    }
}
