using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Organisations;

public sealed class NewModel(AppDbContext db, TimeProvider clock) : OrganisationFormPage(db, clock)
{
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadParentsAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var organisation = new Organisation();
        Db.Organisations.Add(organisation);
        return await SaveAsync(organisation, null, cancellationToken);
    }
}
