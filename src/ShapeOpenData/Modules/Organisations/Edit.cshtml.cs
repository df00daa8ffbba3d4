using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Organisations;

public sealed class EditModel(AppDbContext db, TimeProvider clock) : OrganisationFormPage(db, clock)
{
    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var organisation = await Db.Organisations.Include(o => o.Parent).SingleOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        CurrentName = organisation.Name;
        Form = OrganisationForm.From(organisation, organisation.Parent?.Slug);
        await LoadParentsAsync(slug, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var organisation = await Db.Organisations.SingleOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        CurrentName = organisation.Name;
        return await SaveAsync(organisation, slug, cancellationToken);
    }
}
