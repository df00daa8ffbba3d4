using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments.Pages;

/// <summary>Someone starts an assessment of their project; they are its team until they add others.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, EthicsAssessmentWorkflow workflow) : PageModel
{
    [BindProperty] public string? ProjectName { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Organisation { get; set; }

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadOrganisationsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = ModelState.Required(nameof(ProjectName), ProjectName, "Enter the name of the project", EthicsAssessment.ProjectNameMaxLength, "The project name");
        var slug = ModelState.Required(nameof(Slug), Slug?.Trim().ToLowerInvariant(), "Enter a short name for the assessment's web address", Slugs.MaxLength, "The short name");
        if (slug is not null && (!Slugs.IsValid(slug) || slug == "new"))
        {
            ModelState.AddModelError(nameof(Slug), "The short name can only contain lower-case letters, numbers and hyphens, like school-transport-routing");
        }
        var description = ModelState.Required(nameof(Description), Description, "Enter what the project does and for whom", EthicsAssessment.DescriptionMaxLength, "The description");
        int? organisationId = null;
        if (!string.IsNullOrEmpty(Organisation))
        {
            organisationId = await db.Organisations.Where(o => o.Slug == Organisation).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (organisationId is null)
            {
                ModelState.AddModelError(nameof(Organisation), "Select an organisation from the list, or none");
            }
        }
        return await this.ChangeAsync(async () =>
        {
            var assessment = await workflow.StartAsync(slug!, new AssessmentDetails(name!, description!, organisationId), User, cancellationToken);
            return new Changed(EthicsAssessmentWorkflow.UrlOf(assessment.Slug),
                "The assessment has been started. It is private to your team until you publish it");
        }, nameof(Slug), () => LoadOrganisationsAsync(cancellationToken));
    }

    private async Task LoadOrganisationsAsync(CancellationToken cancellationToken) =>
        Organisations = [new GovukOption("", "None"), .. await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new GovukOption(o.Slug, o.Name, null)).ToListAsync(cancellationToken)];
}
