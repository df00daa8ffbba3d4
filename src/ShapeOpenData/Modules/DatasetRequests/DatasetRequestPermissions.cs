using System.Linq.Expressions;
using System.Security.Claims;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>Who may see and do what to a request. Pages, the API and feeds all ask here; the server always checks.</summary>
public static class DatasetRequestPermissions
{
    /// <summary>
    /// Whether <paramref name="user"/> may see the request, its words and what following it tells, find it in lists,
    /// exports and the API, and support, follow or comment on it: the page's rule (<see cref="CanViewPage"/>) and, once
    /// a moderator has hidden it, <see cref="ReadsHidden"/>.
    /// </summary>
    public static bool CanView(ClaimsPrincipal user, DatasetRequest request) =>
        CanViewPage(user, request) && (request.Moderation.IsPublic || ReadsHidden(user, request));

    /// <summary>
    /// Whether the request's page opens for <paramref name="user"/>. Confidential requests are visible only to the
    /// requester, the assigned organisation's publishers, the named publisher, moderators and the programme team
    /// (DESIGN §4.2), and to whoever recorded one that came by email or post: they typed it in, and may work for another
    /// organisation than the one that holds the data. A hidden request's page still opens, with its number, state,
    /// clock and comments, and "Hidden by a moderator" in place of its words for those who may not read them.
    /// </summary>
    public static bool CanViewPage(ClaimsPrincipal user, DatasetRequest request) =>
        !request.IsConfidential || SeesConfidential(user, request.RequesterId, request.OrganisationId, request.AssignedPublisherId, request.RecordedById);

    /// <summary>
    /// Who still reads a hidden request: the requester (with the notice), moderators, and those who manage it: the
    /// organisation must still answer it by the legal deadline, which hiding does not stop.
    /// </summary>
    public static bool ReadsHidden(ClaimsPrincipal user, DatasetRequest request) =>
        IsRequester(user, request) || user.Moderates() || CanManage(user, request);

    /// <summary>The same rule as <see cref="CanView"/>, as a query filter.</summary>
    public static Expression<Func<DatasetRequest, bool>> VisibleTo(ClaimsPrincipal user)
    {
        if (user.IsProgrammeTeam() || user.IsModerator())
        {
            return _ => true;
        }
        if (user.UserId() is not { } userId)
        {
            // The shape the partial index on public requests answers.
            return r => !r.IsConfidential && r.Moderation.HiddenAt == null && !r.Moderation.AwaitingApproval;
        }
        var organisations = user.PublisherOrganisations();
        var moderates = user.Moderates();  // administrators: they read hidden requests, but private ones only as anyone else does
        return r => (!r.IsConfidential || r.RequesterId == userId || r.AssignedPublisherId == userId || r.RecordedById == userId
                     || (r.OrganisationId != null && organisations.Contains(r.OrganisationId.Value)))
                    && ((r.Moderation.HiddenAt == null && !r.Moderation.AwaitingApproval) || moderates || r.RequesterId == userId
                        || (r.OrganisationId != null && organisations.Contains(r.OrganisationId.Value)));
    }

    /// <summary>The programme team, and publishers of the organisation the request is with.</summary>
    public static bool CanManage(ClaimsPrincipal user, DatasetRequest request) =>
        user.IsProgrammeTeam() || (request.OrganisationId is { } organisation && user.IsPublisherFor(organisation));

    /// <summary>Publishers may name a colleague; only the programme team moves a request between organisations.</summary>
    public static bool CanAssignTo(ClaimsPrincipal user, int organisationId) =>
        user.IsProgrammeTeam() || user.IsPublisherFor(organisationId);

    /// <summary>Publishers and the programme team record requests that arrived by email or post.</summary>
    public static bool CanRecordOnBehalf(ClaimsPrincipal user) =>
        user.IsProgrammeTeam() || user.HasClaim(c => c.Type == PersonClaims.PublisherFor);

    public static bool IsRequester(ClaimsPrincipal user, DatasetRequest request) =>
        request.RequesterId is { } requester && user.UserId() == requester;

    /// <summary>The requester answers questions; for a request that came by email or post, its managers do.</summary>
    public static bool CanAnswerQuestion(ClaimsPrincipal user, DatasetRequest request) =>
        IsRequester(user, request) || (request.RequesterId is null && CanManage(user, request));

    public static bool CanWithdraw(ClaimsPrincipal user, DatasetRequest request) => IsRequester(user, request) && request.IsOpen;

    /// <summary>Comments from these people are marked as official answers.</summary>
    public static bool SpeaksOfficially(ClaimsPrincipal user, DatasetRequest request) => CanManage(user, request);

    public static bool SeesConfidential(ClaimsPrincipal user, int? requesterId, int? organisationId, int? publisherId, int? recordedById)
    {
        var userId = user.UserId();
        return userId is not null && (userId == requesterId || userId == publisherId || userId == recordedById
            || user.IsProgrammeTeam() || user.IsModerator() || (organisationId is { } org && user.IsPublisherFor(org)));
    }
}
