using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

/// <summary>What the add and edit pages share: the form, its choices and saving. Administrators only.</summary>
[Authorize(Policy = OrganisationPermissions.EditPolicy)]
public abstract class OrganisationFormPage(AppDbContext db) : PageModel
{
    [BindProperty] public OrganisationForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> Parents { get; private set; } = [];

    protected AppDbContext Db => db;

    protected async Task LoadParentsAsync(string? except, CancellationToken cancellationToken) =>
        Parents = await OrganisationForm.ParentOptionsAsync(db, except, cancellationToken);

    protected async Task<IActionResult> SaveAsync(Organisation organisation, string? except, CancellationToken cancellationToken)
    {
        if (!await Form.TryApplyAsync(organisation, db, ModelState, cancellationToken))
        {
            await LoadParentsAsync(except, cancellationToken);
            return this.Invalid();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData.Success($"{organisation.Name} has been saved");
        return Redirect($"/organisations/{organisation.Slug}");
    }
}
