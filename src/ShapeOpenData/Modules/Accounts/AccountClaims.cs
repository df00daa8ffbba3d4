using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Accounts;

public sealed class SecurityOptions
{
    /// <summary>Staff roles take effect only once two-factor authentication is on. True outside Development.</summary>
    public bool RequireStaffTwoFactor { get; set; } = true;
}

/// <summary>
/// What a signed-in person may do, as claims: roles, the organisations they publish for and their display
/// name. When staff must use two-factor authentication and have not set it up, their staff roles are left
/// out, so every server-side check refuses staff actions until they do.
/// </summary>
public sealed class AccountClaimsFactory(
    UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> identityOptions,
    IOptions<SecurityOptions> security, AppDbContext db)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, identityOptions)
{
    public const string DisplayName = "display_name";
    public const string PublisherFor = "publisher_for";
    public const string TwoFactorNeeded = "two_factor_needed";
    public const string SectorCode = "sector";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.Sector is { } sector)
        {
            identity.AddClaim(new Claim(SectorCode, sector.ToCode()));
        }

        var staffRoles = identity.FindAll(identity.RoleClaimType).Where(c => Roles.Granted.Contains(c.Value)).ToList();
        if (staffRoles.Count > 0 && security.Value.RequireStaffTwoFactor && !user.TwoFactorEnabled)
        {
            staffRoles.ForEach(identity.RemoveClaim);
            identity.AddClaim(new Claim(TwoFactorNeeded, "true"));
            return identity;
        }

        if (identity.HasClaim(identity.RoleClaimType, Roles.Publisher))
        {
            var organisations = await db.PublisherMemberships.Where(m => m.UserId == user.Id).Select(m => m.OrganisationId).ToListAsync();
            foreach (var organisationId in organisations)
            {
                identity.AddClaim(new Claim(PublisherFor, organisationId.ToString(CultureInfo.InvariantCulture)));
            }
        }
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>The signed-in person's id, or null for anonymous visitors.</summary>
    public static int? UserId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(AccountClaimsFactory.DisplayName) ?? "";

    /// <summary>Who they use data for, as they said in their profile.</summary>
    public static Sector? Sector(this ClaimsPrincipal user) =>
        Codes.TryParse<Sector>(user.FindFirstValue(AccountClaimsFactory.SectorCode), out var sector) ? sector : null;

    public static bool IsPublisherFor(this ClaimsPrincipal user, int organisationId) =>
        user.HasClaim(AccountClaimsFactory.PublisherFor, organisationId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The ids of the organisations this person publishes for.</summary>
    public static List<int> PublisherOrganisations(this ClaimsPrincipal user) =>
        [.. user.FindAll(AccountClaimsFactory.PublisherFor).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture))];

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    public static bool IsProgrammeTeam(this ClaimsPrincipal user) => user.IsInRole(Roles.ProgrammeTeam);

    public static bool IsModerator(this ClaimsPrincipal user) => user.IsInRole(Roles.Moderator);

    public static bool NeedsTwoFactorForStaffRoles(this ClaimsPrincipal user) => user.HasClaim(AccountClaimsFactory.TwoFactorNeeded, "true");
}
