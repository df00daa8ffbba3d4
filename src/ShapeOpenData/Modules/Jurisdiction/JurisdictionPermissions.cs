using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// Who may do what to the legal regimes and the working-day calendar: everyone reads them and works out
/// deadlines; administrators change a regime and import bank holidays. The administration pages carry
/// <see cref="ManagePolicy"/>, which asks <see cref="CanManage"/>.
/// </summary>
public static class JurisdictionPermissions
{
    public const string ManagePolicy = "jurisdiction.manage";

    public static bool CanManage(ClaimsPrincipal user) => user.IsAdministrator();
}
