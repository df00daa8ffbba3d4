using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>Every consultation: open ones first (closing soonest first), then closed ones, then those with their outcome; drafts for those writing them.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Slug, string Title, string Organisation, ConsultationState State, DateOnly ClosesOn, DateTime? ClosedAt);

    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }

    public IReadOnlyList<Row> Drafts { get; private set; } = [];
    public IReadOnlyList<Row> Open { get; private set; } = [];
    public IReadOnlyList<Row> Closed { get; private set; } = [];
    public IReadOnlyList<Row> Answered { get; private set; } = [];
    public string? OrganisationName { get; private set; }
    public bool CanDraft => ConsultationPermissions.CanDraft(User);
    public bool CanImport => ConsultationPermissions.CanImport(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var consultations = db.Consultations.AsNoTracking().Where(ConsultationPermissions.VisibleTo(User));
        if (!string.IsNullOrEmpty(Organisation))
        {
            OrganisationName = await db.Organisations.Where(o => o.Slug == Organisation).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
            if (OrganisationName is null)
            {
                return NotFound();
            }
            consultations = consultations.Where(c => db.Organisations.Any(o => o.Id == c.OrganisationId && o.Slug == Organisation));
        }
        var rows = await consultations.Join(db.Organisations, c => c.OrganisationId, o => o.Id,
                (c, o) => new Row(c.Slug, c.Title, o.Name, c.State, c.ClosesOn, c.ClosedAt))
            .ToListAsync(cancellationToken);
        Drafts = [.. rows.Where(r => r.State == ConsultationState.Draft).OrderBy(r => r.Title)];
        Open = [.. rows.Where(r => r.State == ConsultationState.Open).OrderBy(r => r.ClosesOn).ThenBy(r => r.Title)];
        Closed = [.. rows.Where(r => r.State == ConsultationState.Closed).OrderByDescending(r => r.ClosedAt)];
        Answered = [.. rows.Where(r => r.State == ConsultationState.OutcomePublished).OrderByDescending(r => r.ClosedAt)];
        return Page();
    }
}
