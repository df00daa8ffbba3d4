using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>
/// Who may see and do what with ethics assessments. A private assessment is the team's, and is seen only by them and
/// by those who watch the whole programme (the programme team and administrators); to anyone else it does not exist.
/// Only the team changes it — assesses, manages the team, publishes and unpublishes. Pages, exports and the API ask here.
/// </summary>
public static class EthicsAssessmentPermissions
{
    /// <summary>Anyone signed in may start an assessment of their own project.</summary>
    public static bool CanStart(ClaimsPrincipal user) => user.IsSignedIn();

    /// <summary>The programme team and administrators see every assessment, private or not.</summary>
    public static bool SeesEverything(ClaimsPrincipal user) => user.IsProgrammeTeam() || user.IsAdministrator();

    public static bool CanSee(ClaimsPrincipal user, EthicsAssessment assessment, bool isMember) =>
        assessment.IsPublished || isMember || SeesEverything(user);

    /// <summary>Assess a stage, add or remove team members, publish and unpublish: the team only.</summary>
    public static bool CanChange(bool isMember) => isMember;
}
