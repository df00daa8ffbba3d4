using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages;

/// <summary>Adds a commitment to a plan: the plan's publishers and the programme team.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, CommitmentWorkflow commitments) : PageModel, ICommitmentFormPage
{
    [BindProperty(SupportsGet = true)] public string? Plan { get; set; }
    [BindProperty] public CommitmentForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> LeadOrganisations { get; private set; } = [];
    public IReadOnlyList<GovukOption> AllOrganisations { get; private set; } = [];
    public bool IsNew => true;
    public string PlanTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FindPlanAsync(cancellationToken) is not { } plan)
        {
            return NotFound();
        }
        if (!CommitmentPermissions.CanPublishFor(User, plan.OrganisationId))
        {
            return Forbid();
        }
        Form.LeadOrganisation = await db.Organisations.Where(o => o.Id == plan.OrganisationId).Select(o => o.Slug).SingleAsync(cancellationToken);
        Form.StartsOn = DateInput.From(plan.StartsOn);
        Form.EndsOn = DateInput.From(plan.EndsOn);
        await LoadAsync(plan, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindPlanAsync(cancellationToken) is not { } plan)
        {
            return NotFound();
        }
        if (!CommitmentPermissions.CanPublishFor(User, plan.OrganisationId))
        {
            return Forbid();
        }
        var reference = Form.ReadReference(ModelState);
        var details = await Form.ReadAsync(ModelState, db, cancellationToken);
        return await this.ChangeAsync(async () =>
        {
            var commitment = await commitments.AddAsync(plan.Slug, reference!, details!, User, cancellationToken);
            return new Changed(CommitmentWorkflow.UrlOf(commitment.Reference), $"Commitment {commitment.Reference} has been added. Add its milestones");
        }, "Form.Reference", () => LoadAsync(plan, cancellationToken));
    }

    private Task<EngagementPlan?> FindPlanAsync(CancellationToken cancellationToken) =>
        db.EngagementPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == Plan, cancellationToken);

    private async Task LoadAsync(EngagementPlan plan, CancellationToken cancellationToken)
    {
        PlanTitle = plan.Title;
        LeadOrganisations = await PlanForm.OrganisationsAsync(db, User, cancellationToken);
        AllOrganisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken);
    }
}
