using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>Who may do what to organisations: everyone reads them; administrators add and edit them.</summary>
public static class OrganisationPermissions
{
    public static bool CanEdit(ClaimsPrincipal user) => user.IsAdministrator();
}
