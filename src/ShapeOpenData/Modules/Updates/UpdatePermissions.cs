using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates;

/// <summary>
/// Who may do what with policy updates. Everything is public to read. The programme team posts for any organisation,
/// a publisher for their own; they also answer the suggestions made on their updates. Anyone signed in comments and
/// suggests. Pages and the API all ask here; the server always checks.
/// </summary>
public static class UpdatePermissions
{
    /// <summary>Post an update for some organisation.</summary>
    public static bool CanPost(ClaimsPrincipal user) => user.IsProgrammeTeam() || user.PublisherOrganisations().Count > 0;

    /// <summary>Post, change or answer suggestions on an update of <paramref name="organisationId"/>.</summary>
    public static bool CanPostFor(ClaimsPrincipal user, int organisationId) => user.IsProgrammeTeam() || user.IsPublisherFor(organisationId);

    /// <summary>Make a suggestion for improvement: anyone signed in.</summary>
    public static bool CanSuggest(ClaimsPrincipal user) => user.IsSignedIn();
}
