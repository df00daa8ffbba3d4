using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Commitments.Pages.Plans;

/// <summary>One engagement plan: what it is for, its period, and its commitments with their completion.</summary>
public sealed class ShowModel(AppDbContext db, CommitmentReadModel commitments) : PageModel
{
    public EngagementPlan Plan { get; private set; } = null!;
    public string OrganisationName { get; private set; } = "";
    public string OrganisationSlug { get; private set; } = "";
    public IReadOnlyList<CommitmentResponse> Commitments { get; private set; } = [];
    public bool CanPublish => CommitmentPermissions.CanPublishFor(User, Plan.OrganisationId);

    public IReadOnlyList<(Completion Level, int Count)> ByCompletion =>
        CommitmentRules.Rollup(Commitments.Select(c => Codes.Parse<Completion>(c.Completion)));

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var plan = await db.EngagementPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        // An anonymous type, not a tuple: Npgsql cannot read a tuple back from the row PostgreSQL makes of one.
        var organisation = await db.Organisations.Where(o => o.Id == plan.OrganisationId).Select(o => new { o.Slug, o.Name }).SingleAsync(cancellationToken);
        (OrganisationSlug, OrganisationName) = (organisation.Slug, organisation.Name);
        Commitments = await commitments.ReadAsync(commitments.Filtered(new CommitmentFilter(Plan: slug)), cancellationToken);
        return Page();
    }
}
