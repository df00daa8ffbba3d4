using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>The programme team or a publisher starts a consultation as a draft, then writes its document and survey.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, ConsultationWorkflow consultations, TimeProvider clock) : PageModel, IConsultationFormPage
{
    [BindProperty] public ConsultationForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];

    public bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ConsultationPermissions.CanDraft(User))
        {
            return Forbid();
        }
        Form = new ConsultationForm { ClosesOn = DateInput.From(clock.Today().AddDays(84)) };
        await LoadOrganisationsAsync(cancellationToken);
        if (Organisations.Count == 1)
        {
            Form.Organisation = Organisations[0].Value;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ConsultationPermissions.CanDraft(User))
        {
            return Forbid();
        }
        var slug = Form.ReadSlug(ModelState, "Form.");
        var details = await Form.ReadAsync(ModelState, "Form.", db, cancellationToken);
        return await this.ChangeAsync(async () =>
        {
            var consultation = await consultations.CreateAsync(slug!, details!, User, cancellationToken);
            return new Changed($"/consultations/{consultation.Slug}/manage", "The draft has been saved. Write its document and survey, then open it");
        }, "Form.Slug", () => LoadOrganisationsAsync(cancellationToken));
    }

    private async Task LoadOrganisationsAsync(CancellationToken cancellationToken) =>
        Organisations = await ConsultationForm.OrganisationsAsync(db, User, cancellationToken);
}
