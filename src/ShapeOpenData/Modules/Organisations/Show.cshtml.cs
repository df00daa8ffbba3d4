using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Organisations;

public sealed class ShowModel(AppDbContext db, OrganisationRecord record, PageSections sections) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<(string Slug, string Name)> Children { get; private set; } = [];
    /// <summary>Its record on requests and data quality, as the modules count it.</summary>
    public IReadOnlyList<Figure> Record { get; private set; } = [];

    /// <summary>What other modules show on an organisation's page, like its plans and commitments.</summary>
    public IReadOnlyList<PageSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Parent)
            .SingleOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        Organisation = organisation;
        Children = [.. (await db.Organisations.Where(o => o.ParentId == organisation.Id).OrderBy(o => o.Name)
            .Select(o => new { o.Slug, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Slug, o.Name))];
        Record = await record.ForAsync(organisation, cancellationToken);
        Sections = await sections.ForAsync(ItemTypes.Organisation, organisation.Id, User, cancellationToken);
        return Page();
    }
}
