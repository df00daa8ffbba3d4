using System.Linq.Expressions;
using System.Security.Claims;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// Who may see and do what in consultations. The programme team and publishers of the owning organisation draft and
/// run them; everyone may read an open or closed one; anyone signed in may take part while it is open. Pages, feeds,
/// exports and the API all ask here; the server always checks.
/// </summary>
public static class ConsultationPermissions
{
    /// <summary>Start a consultation (for the programme team, or for an organisation one publishes for).</summary>
    public static bool CanDraft(ClaimsPrincipal user) => user.IsProgrammeTeam() || user.PublisherOrganisations().Count > 0;

    /// <summary>Start one owned by <paramref name="organisationId"/>.</summary>
    public static bool CanDraftFor(ClaimsPrincipal user, int organisationId) => user.IsProgrammeTeam() || user.IsPublisherFor(organisationId);

    /// <summary>Import a Pol.is conversation as a new consultation, for any organisation: the programme team and administrators.</summary>
    public static bool CanImport(ClaimsPrincipal user) => user.IsProgrammeTeam() || user.IsAdministrator();

    /// <summary>Change, open, close, version and answer it; read every response, whatever its consent.</summary>
    public static bool CanRun(ClaimsPrincipal user, Consultation consultation) => CanDraftFor(user, consultation.OrganisationId);

    /// <summary>A draft is seen only by those who run it.</summary>
    public static bool CanSee(ClaimsPrincipal user, Consultation consultation) => consultation.IsPublished || CanRun(user, consultation);

    /// <summary>The same rule as <see cref="CanSee"/>, as a query filter.</summary>
    public static Expression<Func<Consultation, bool>> VisibleTo(ClaimsPrincipal user)
    {
        if (user.IsProgrammeTeam())
        {
            return _ => true;
        }
        var organisations = user.PublisherOrganisations();
        return c => c.State != ConsultationState.Draft || organisations.Contains(c.OrganisationId);
    }

    /// <summary>Comment, answer the survey, submit statements and vote: anyone signed in, while it is open.</summary>
    public static bool CanTakePart(ClaimsPrincipal user, Consultation consultation, DateTime now) => user.IsSignedIn() && consultation.IsOpenAt(now);
}
