using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// Who may do what with plans and commitments. Everything is public to read. The programme team and the publishers of
/// an organisation publish its plans and run the commitments it leads; assessors record independent assessments.
/// Pages, exports and the API all ask here; the server always checks.
/// </summary>
public static class CommitmentPermissions
{
    /// <summary>Publish a plan, or add a commitment, for some organisation.</summary>
    public static bool CanPublishPlans(ClaimsPrincipal user) => user.IsProgrammeTeam() || user.PublisherOrganisations().Count > 0;

    /// <summary>Publish or change a plan of <paramref name="organisationId"/>, and add commitments it leads.</summary>
    public static bool CanPublishFor(ClaimsPrincipal user, int organisationId) => user.IsProgrammeTeam() || user.IsPublisherFor(organisationId);

    /// <summary>Change a commitment, its milestones and completion, and post progress: its lead organisation and the programme team.</summary>
    public static bool CanRun(ClaimsPrincipal user, Commitment commitment) => CanPublishFor(user, commitment.LeadOrganisationId);

    /// <summary>Record an independent assessment: assessors only, never those who run the commitment as such.</summary>
    public static bool CanAssess(ClaimsPrincipal user) => user.IsAssessor();
}
