using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates.Pages;

/// <summary>Changes an update: the programme team and its organisation's publishers. Its address stays the same.</summary>
[Authorize]
public sealed class EditModel(AppDbContext db, UpdateReadModel read, UpdateWorkflow updates) : PageModel, IUpdateFormPage
{
    [BindProperty] public UpdateForm Form { get; set; } = new();

    public IReadOnlyList<GovukOption> Organisations { get; private set; } = [];
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        Form = UpdateForm.From((await read.FindAsync(slug, cancellationToken))!);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        var details = await Form.ReadAsync(ModelState, db, cancellationToken);
        return await this.ChangeAsync(() => updates.ChangeAsync(slug, details!, User, cancellationToken), "The update has been changed",
            UpdateWorkflow.UrlOf(slug), "Form.Organisation", () => LoadAsync(cancellationToken));
    }

    /// <summary>Not found, forbidden, or null when the person may change it.</summary>
    private async Task<IActionResult?> AllowedAsync(string slug, CancellationToken cancellationToken)
    {
        Slug = slug;
        var organisation = await db.PolicyUpdates.Where(u => u.Slug == slug).Select(u => (int?)u.OrganisationId).SingleOrDefaultAsync(cancellationToken);
        return organisation is null ? NotFound() : UpdatePermissions.CanPostFor(User, organisation.Value) ? null : Forbid();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Organisations = await UpdateForm.OrganisationsAsync(db, User, cancellationToken);
}
