using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages.Plans;

/// <summary>Changes a plan's details: its organisation's publishers and the programme team.</summary>
[Authorize]
public sealed class EditModel(AppDbContext db, PlanWorkflow plans) : PageModel, IPlanFormPage
{
    [BindProperty] public PlanForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];

    public bool IsNew => false;

    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var plan = await db.EngagementPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        if (!CommitmentPermissions.CanPublishFor(User, plan.OrganisationId))
        {
            return Forbid();
        }
        Form = PlanForm.From(plan, await db.Organisations.Where(o => o.Id == plan.OrganisationId).Select(o => o.Slug).SingleAsync(cancellationToken));
        await LoadAsync(slug, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var plan = await db.EngagementPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        if (!CommitmentPermissions.CanPublishFor(User, plan.OrganisationId))
        {
            return Forbid();
        }
        var details = await Form.ReadAsync(ModelState, db, cancellationToken);
        return await this.ChangeAsync(async () =>
        {
            await plans.ChangeAsync(slug, details!, User, cancellationToken);
            return new Changed(PlanWorkflow.UrlOf(slug), "The plan has been changed");
        }, "Form.Title", () => LoadAsync(slug, cancellationToken));
    }

    private async Task LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Slug = slug;
        Organisations = await PlanForm.OrganisationsAsync(db, User, cancellationToken);
    }
}
