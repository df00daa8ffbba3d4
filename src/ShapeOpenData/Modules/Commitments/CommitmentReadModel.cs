using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>What a filter on commitments asks for: all optional. Shared by the list page, the exports and the API.</summary>
/// <param name="Organisation">An organisation's slug: commitments it leads or supports.</param>
/// <param name="Plan">A plan's slug.</param>
public sealed record CommitmentFilter(string? Organisation = null, string? Plan = null, Completion? Completion = null, bool? Overdue = null);

/// <summary>
/// Commitments as everyone reads them — on the list, in the CSV and JSON downloads and through the API — with the
/// derived values (overdue, starred) worked out by <see cref="CommitmentRules"/> from what was recorded.
/// </summary>
public sealed class CommitmentReadModel(AppDbContext db, TimeProvider clock)
{
    public IQueryable<Commitment> Filtered(CommitmentFilter filter)
    {
        var commitments = db.Commitments.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Organisation))
        {
            var slug = filter.Organisation;
            commitments = commitments.Where(c => db.Organisations.Any(o => o.Slug == slug
                && (o.Id == c.LeadOrganisationId || c.Supporters.Any(s => s.OrganisationId == o.Id))));
        }
        if (!string.IsNullOrEmpty(filter.Plan))
        {
            var slug = filter.Plan;
            commitments = commitments.Where(c => db.EngagementPlans.Any(p => p.Id == c.PlanId && p.Slug == slug));
        }
        if (filter.Completion is { } completion)
        {
            commitments = commitments.Where(c => c.Completion == completion);
        }
        if (filter.Overdue is { } overdue)
        {
            var isOverdue = CommitmentRules.CommitmentOverdueOn(clock.Today());
            commitments = overdue ? commitments.Where(isOverdue) : commitments.Where(Not(isOverdue));
        }
        return commitments.OrderBy(c => c.EndsOn).ThenBy(c => c.Reference);
    }

    /// <summary>The commitments, in the order given, with their plans, organisations, milestones, updates and assessments.</summary>
    public async Task<IReadOnlyList<CommitmentResponse>> ReadAsync(IQueryable<Commitment> commitments, CancellationToken cancellationToken)
    {
        var found = await commitments.Include(c => c.Supporters).Include(c => c.Milestones).Include(c => c.Updates).Include(c => c.Assessments)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var planIds = found.Select(c => c.PlanId).Distinct().ToList();
        var plans = await db.EngagementPlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var organisationIds = found.SelectMany(c => c.Supporters.Select(s => s.OrganisationId).Append(c.LeadOrganisationId)).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrganisationRef(o.Slug, o.Name), cancellationToken);
        var today = clock.Today();
        return [.. found.Select(c => Respond(c, plans[c.PlanId], organisations, today))];
    }

    /// <summary>The commitment known by <paramref name="reference"/>, in any case.</summary>
    public async Task<CommitmentResponse?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var key = reference.ToUpperInvariant();
        return (await ReadAsync(db.Commitments.Where(c => c.Reference == key), cancellationToken)).SingleOrDefault();
    }

    private static CommitmentResponse Respond(Commitment c, EngagementPlan plan, Dictionary<int, OrganisationRef> organisations, DateOnly today)
    {
        var latest = CommitmentRules.Latest(c.Assessments);
        return new CommitmentResponse(
            c.Reference, c.Title, c.Description, new PlanRef(plan.Slug, plan.Title), organisations[c.LeadOrganisationId],
            [.. c.Supporters.Select(s => organisations[s.OrganisationId]).OrderBy(o => o.Name)],
            c.StartsOn, c.EndsOn, c.Completion.ToCode(), CommitmentRules.IsOverdue(c, today), latest is not null && CommitmentRules.IsStarred(latest),
            [.. c.Milestones.OrderBy(m => m.Number).Select(m => new MilestoneResponse(
                m.Number, m.Title, m.DueOn, m.State.ToCode(), m.Evidence, m.MetOn, CommitmentRules.IsOverdue(m, today)))],
            [.. c.Updates.OrderByDescending(u => u.ReportedOn).ThenByDescending(u => u.PostedAt).Select(u => new UpdateResponse(u.ReportedOn, u.Text, u.Evidence, u.PostedAt))],
            [.. c.Assessments.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).Select(a => new AssessmentResponse(
                a.Kind.ToCode(), a.AssessedOn, a.Specificity.ToCode(),
                new Relevance(a.AccessToInformation, a.CivicParticipation, a.PublicAccountability, a.TechnologyAndInnovation),
                a.PotentialImpact.ToCode(), a.Completion.ToCode(), a.OpenedGovernment?.ToCode(), a.Summary, CommitmentRules.IsStarred(a)))],
            CommitmentWorkflow.UrlOf(c.Reference), c.CreatedAt, c.UpdatedAt);
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> Not<T>(System.Linq.Expressions.Expression<Func<T, bool>> predicate) =>
        System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(System.Linq.Expressions.Expression.Not(predicate.Body), predicate.Parameters);
}

public sealed record OrganisationRef(string Slug, string Name);

public sealed record PlanRef(string Slug, string Title);

/// <summary>A commitment with everything recorded about it. <c>overdue</c> and <c>starred</c> are derived, never typed.</summary>
public sealed record CommitmentResponse(
    string Reference, string Title, string Description, PlanRef Plan, OrganisationRef LeadOrganisation, IReadOnlyList<OrganisationRef> SupportingOrganisations,
    DateOnly StartsOn, DateOnly EndsOn, string Completion, bool Overdue, bool Starred, IReadOnlyList<MilestoneResponse> Milestones,
    IReadOnlyList<UpdateResponse> Updates, IReadOnlyList<AssessmentResponse> Assessments, string Url, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record MilestoneResponse(int Number, string Title, DateOnly DueOn, string State, string? Evidence, DateOnly? MetOn, bool Overdue);

public sealed record UpdateResponse(DateOnly ReportedOn, string Text, string? Evidence, DateTime PostedAt);

/// <summary>Relevance to the four OGP values.</summary>
public sealed record Relevance(bool AccessToInformation, bool CivicParticipation, bool PublicAccountability, bool TechnologyAndInnovation);

public sealed record AssessmentResponse(
    string Kind, DateOnly AssessedOn, string Specificity, Relevance Relevance, string PotentialImpact, string Completion, string? OpenedGovernment,
    string Summary, bool Starred);
