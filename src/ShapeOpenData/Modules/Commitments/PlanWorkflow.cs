using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>Engagement plans: published and changed by the programme team or the organisation's publishers, each change audited.</summary>
public sealed class PlanWorkflow(AppDbContext db, TimeProvider clock)
{
    public const string ItemType = ItemTypes.Plan;

    public static string UrlOf(string slug) => $"/plans/{slug}";

    public async Task<EngagementPlan> PublishAsync(string slug, PlanDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        Allow(actor, details.OrganisationId);
        if (await db.EngagementPlans.AnyAsync(p => p.Slug == slug, cancellationToken))
        {
            throw new FieldRuleException("Slug", "There is already a plan with that short name: choose another");
        }
        var now = clock.UtcNow();
        var plan = EngagementPlan.Publish(slug, details, now);
        return await db.InOneTransactionAsync(async () =>
        {
            db.EngagementPlans.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, plan.Id, "published", actor.UserId(), now, null, PlanSnapshot.Of(plan)));
            await db.SaveChangesAsync(cancellationToken);
            return plan;
        }, cancellationToken);
    }

    public async Task<EngagementPlan> ChangeAsync(string slug, PlanDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var plan = await db.EngagementPlans.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken) ?? throw new NotFoundException("There is no such plan");
        Allow(actor, plan.OrganisationId);
        Allow(actor, details.OrganisationId);
        var before = PlanSnapshot.Of(plan);
        var now = clock.UtcNow();
        plan.Change(details, now);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, plan.Id, "changed", actor.UserId(), now, before, PlanSnapshot.Of(plan)));
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    private static void Allow(ClaimsPrincipal actor, int organisationId)
    {
        if (!CommitmentPermissions.CanPublishFor(actor, organisationId))
        {
            throw new ForbiddenException("Only the programme team and the organisation's publishers can publish its plans");
        }
    }
}

public sealed record PlanSnapshot(string Slug, string Title, string Summary, int OrganisationId, DateOnly StartsOn, DateOnly EndsOn)
{
    public static PlanSnapshot Of(EngagementPlan p) => new(p.Slug, p.Title, p.Summary, p.OrganisationId, p.StartsOn, p.EndsOn);
}
