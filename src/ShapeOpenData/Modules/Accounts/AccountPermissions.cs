using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>
/// Who may do what with accounts: people look after their own account and tokens; administrators reach the
/// administration pages; staff roles count only with two-factor authentication where the service requires it.
/// Pages, the API, the navigation and the claims ask here; the server always checks.
/// </summary>
public static class AccountPermissions
{
    /// <summary>Someone signed in has an account to look after: profile, password, two-factor, API tokens, their data.</summary>
    public static bool HasAccount(ClaimsPrincipal user) => user.IsSignedIn();

    /// <summary>The administration pages (<see cref="Policies.Administrator"/>).</summary>
    public static bool CanAdminister(ClaimsPrincipal user) => user.IsAdministrator();

    /// <summary>The administration index (<see cref="Policies.Administration"/>): administrators, and the programme team for the audit log.</summary>
    public static bool CanReachAdministration(ClaimsPrincipal user) => user.IsAdministrator() || user.IsProgrammeTeam();

    /// <summary>Only the person a token belongs to may revoke it.</summary>
    public static bool CanRevoke(ClaimsPrincipal user, ApiToken token) => user.UserId() == token.UserId;

    /// <summary>
    /// Staff roles (publisher, moderator, programme team, administrator) take effect only once the person has
    /// two-factor authentication on, when the service requires it; until then their claims leave them out.
    /// </summary>
    public static bool StaffRolesTakeEffect(User user, SecurityOptions security) => !security.RequireStaffTwoFactor || user.TwoFactorEnabled;
}
