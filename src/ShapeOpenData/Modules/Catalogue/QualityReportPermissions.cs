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

    /// <summary>
    /// Who may open the report's page: a personal data report is seen only by its reporter and those who review it
    /// until it is reviewed. A hidden report's page stays, with the notice in place of its words (<see cref="CanRead"/>).
    /// </summary>
    public static bool CanView(ClaimsPrincipal user, QualityReport report, int organisationId) =>
        !report.AwaitingReview || CanReview(user, organisationId) || IsReporter(user, report);

    /// <summary>Who may read what the reporter wrote: everyone, unless a moderator has hidden it; then its reporter and moderators.</summary>
    public static bool CanRead(ClaimsPrincipal user, QualityReport report) => report.Moderation.IsPublic || user.Moderates() || IsReporter(user, report);

    /// <summary>
    /// Who finds the report in lists, feeds, the API and emails to its followers: those who may open it and read it.
    /// A hidden report is left out for everyone but its reporter and moderators, as if it were not there.
    /// </summary>
    public static bool CanFind(ClaimsPrincipal user, QualityReport report, int organisationId) => CanView(user, report, organisationId) && CanRead(user, report);

    /// <summary>The same rule as <see cref="CanFind"/>, as a query filter.</summary>
    public static Expression<Func<QualityReport, bool>> VisibleTo(ClaimsPrincipal user)
    {
        if (user.IsProgrammeTeam() || user.IsModerator())
        {
            return _ => true;
        }
        var userId = user.UserId() ?? 0;
        var organisations = user.PublisherOrganisations();
        var moderates = user.Moderates();
        return r => (!r.AwaitingReview || r.ReporterId == userId || organisations.Contains(r.Dataset!.OrganisationId))
                    && ((r.Moderation.HiddenAt == null && !r.Moderation.AwaitingApproval) || moderates || r.ReporterId == userId);
    }

    /// <summary>Publishers of the organisation, moderators and the programme team review personal data reports.</summary>
    public static bool CanReview(ClaimsPrincipal user, int organisationId) => CanManage(user, organisationId) || user.IsModerator();

    /// <summary>Anyone signed in but its reporter may report it to the moderators, while everyone can read it.</summary>
    public static bool CanReport(ClaimsPrincipal user, QualityReport report) => user.IsSignedIn() && !IsReporter(user, report) && report.Moderation.IsPublic;

    /// <summary>The reporter may reopen a closed report if the problem is not fixed, as may those who manage it.</summary>
    public static bool CanReopen(ClaimsPrincipal user, QualityReport report, int organisationId) =>
        CanManage(user, organisationId) || IsReporter(user, report);

    private static bool IsReporter(ClaimsPrincipal user, QualityReport report) => report.ReporterId is { } reporter && user.UserId() == reporter;
}
