using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>
/// Who may do what to organisations: everyone reads them; administrators add and edit them. The add and edit
/// pages carry <see cref="EditPolicy"/>, which asks <see cref="CanEdit"/>.
/// </summary>
public static class OrganisationPermissions
{
    public const string EditPolicy = "organisations.edit";

    public static bool CanEdit(ClaimsPrincipal user) => user.IsAdministrator();
}
