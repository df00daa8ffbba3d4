using System.Linq.Expressions;
using System.Security.Claims;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>Who may see and do what to a quality report. Pages and the API ask here; the server always checks.</summary>
public static class QualityReportPermissions
{
    /// <summary>The programme team and the publishing organisation's publishers answer and close reports.</summary>
    public static bool CanManage(ClaimsPrincipal user, int organisationId) =>
        user.IsProgrammeTeam() || user.IsPublisherFor(organisationId);

    /// <summary>A personal data report is seen only by its reporter and those who review it until it is reviewed.</summary>
    public static bool CanView(ClaimsPrincipal user, QualityReport report, int organisationId) =>
        !report.AwaitingReview || CanReview(user, organisationId) || (report.ReporterId is { } reporter && user.UserId() == reporter);

    /// <summary>The same rule as <see cref="CanView"/>, as a query filter.</summary>
    public static Expression<Func<QualityReport, bool>> VisibleTo(ClaimsPrincipal user)
    {
        if (user.IsProgrammeTeam() || user.IsModerator())
        {
            return _ => true;
        }
        var userId = user.UserId() ?? 0;
        var organisations = user.PublisherOrganisations();
        return r => !r.AwaitingReview || r.ReporterId == userId || organisations.Contains(r.Dataset!.OrganisationId);
    }

    /// <summary>Publishers of the organisation, moderators and the programme team review personal data reports.</summary>
    public static bool CanReview(ClaimsPrincipal user, int organisationId) => CanManage(user, organisationId) || user.IsModerator();

    /// <summary>The reporter may reopen a closed report if the problem is not fixed, as may those who manage it.</summary>
    public static bool CanReopen(ClaimsPrincipal user, QualityReport report, int organisationId) =>
        CanManage(user, organisationId) || (report.ReporterId is { } reporter && user.UserId() == reporter);
}
