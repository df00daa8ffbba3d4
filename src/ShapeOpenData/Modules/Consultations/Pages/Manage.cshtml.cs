using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>
/// Running a consultation: its details, its draft document section by section, its survey, opening and closing it;
/// after it closes, new versions of the document and the outcome.
/// </summary>
[Authorize]
public sealed class ManageModel(AppDbContext db, TimeProvider clock, ConsultationWorkflow consultations) : ConsultationPage(db, clock), IConsultationFormPage
{
    [BindProperty] public ConsultationForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public int Questions { get; private set; }
    public int LatestVersion { get; private set; }
    public bool IsNew => false;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!CanRun)
        {
            return Forbid();
        }
        Form = ConsultationForm.From(Consultation, OrganisationSlug);
        await OnInvalidAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(string slug, CancellationToken cancellationToken)
    {
        var details = await Form.ReadAsync(ModelState, "Form.", Db, cancellationToken);
        return await RunAsync(slug, "The details have been saved", () => consultations.ChangeAsync(slug, details!, User, cancellationToken),
            "Form.Title", $"/consultations/{slug}/manage", cancellationToken);
    }

    public Task<IActionResult> OnPostOpenAsync(string slug, CancellationToken cancellationToken) =>
        RunAsync(slug, "The consultation is open. Its followers have been told", () => consultations.OpenAsync(slug, User, cancellationToken),
            "open", $"/consultations/{slug}", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string slug, CancellationToken cancellationToken) =>
        RunAsync(slug, "The consultation has closed. Publish its outcome when you are ready", () => consultations.CloseAsync(slug, User, cancellationToken),
            "close", $"/consultations/{slug}/manage", cancellationToken);

    public Task<IActionResult> OnPostRemoveSectionAsync(string slug, int number, CancellationToken cancellationToken) =>
        RunAsync(slug, "The section has been removed", () => consultations.RemoveSectionAsync(slug, number, User, cancellationToken),
            "sections", $"/consultations/{slug}/manage#sections", cancellationToken);

    protected override async Task OnInvalidAsync(CancellationToken cancellationToken)
    {
        Organisations = await ConsultationForm.OrganisationsAsync(Db, User, cancellationToken);
        Sections = (await CurrentVersionAsync(cancellationToken))?.Sections ?? [];
        Questions = await Db.SurveyQuestions.CountAsync(q => q.ConsultationId == Consultation.Id, cancellationToken);
        LatestVersion = await Db.DocumentVersions.Where(v => v.ConsultationId == Consultation.Id).MaxAsync(v => v.Number, cancellationToken);
    }
}
