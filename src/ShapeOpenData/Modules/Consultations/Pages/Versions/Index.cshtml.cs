using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Consultations.Pages.Versions;

/// <summary>Every published version of a consultation's document, with what changed in each, and a form to compare any two.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : VersionPage(db, clock)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadVersionsAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        return Page();
    }

    public CompareForm Compare => new(Address, Versions, Math.Max(1, Latest - 1), Latest);
}
