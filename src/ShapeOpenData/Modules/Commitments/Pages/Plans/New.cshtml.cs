using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments.Pages.Plans;

/// <summary>The programme team or a publisher publishes an engagement plan, then adds its commitments.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, PlanWorkflow plans) : PageModel, IPlanFormPage
{
    [BindProperty] public PlanForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];

    public bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CommitmentPermissions.CanPublishPlans(User))
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        if (Organisations.Count == 1)
        {
            Form.Organisation = Organisations[0].Value;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CommitmentPermissions.CanPublishPlans(User))
        {
            return Forbid();
        }
        var slug = Form.ReadSlug(ModelState);
        var details = await Form.ReadAsync(ModelState, db, cancellationToken);
        return await this.ChangeAsync(async () =>
        {
            var plan = await plans.PublishAsync(slug!, details!, User, cancellationToken);
            return new Changed(PlanWorkflow.UrlOf(plan.Slug), "The plan has been published. Add its commitments");
        }, "Form.Slug", () => LoadAsync(cancellationToken));
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Organisations = await PlanForm.OrganisationsAsync(db, User, cancellationToken);
}
