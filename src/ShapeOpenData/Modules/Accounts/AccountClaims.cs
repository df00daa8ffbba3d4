using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

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

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PersonClaims.DisplayName, user.DisplayName));
        if (user.Sector is { } sector)
        {
            identity.AddClaim(new Claim(PersonClaims.Sector, sector.ToCode()));
        }

        var staffRoles = identity.FindAll(identity.RoleClaimType).Where(c => Roles.Granted.Contains(c.Value)).ToList();
        if (staffRoles.Count > 0 && !AccountPermissions.StaffRolesTakeEffect(user, security.Value))
        {
            staffRoles.ForEach(identity.RemoveClaim);
            identity.AddClaim(new Claim(PersonClaims.TwoFactorNeeded, "true"));
            return identity;
        }

        if (identity.HasClaim(identity.RoleClaimType, Roles.Publisher))
        {
            var organisations = await db.PublisherMemberships.Where(m => m.UserId == user.Id).Select(m => m.OrganisationId).ToListAsync();
            foreach (var organisationId in organisations)
            {
                identity.AddClaim(new Claim(PersonClaims.PublisherFor, organisationId.ToString(CultureInfo.InvariantCulture)));
            }
        }
        return identity;
    }
}
