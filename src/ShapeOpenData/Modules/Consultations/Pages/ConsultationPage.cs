using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>
/// What the consultation pages share: the consultation found by its short name (not found for a draft, unless the
/// reader runs it), its owner, what the reader may do, and turning the workflow's refusals into the page's error
/// summary (or 403 and 404).
/// </summary>
public abstract class ConsultationPage(AppDbContext db, TimeProvider clock) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public string OrganisationName { get; private set; } = "";
    public string OrganisationSlug { get; private set; } = "";
    public DateTime Now { get; private set; }

    public bool CanRun => ConsultationPermissions.CanRun(User, Consultation);
    public bool CanTakePart => ConsultationPermissions.CanTakePart(User, Consultation, Now);
    public bool IsOpen => Consultation.IsOpenAt(Now);
    public string Address => ConsultationWorkflow.UrlOf(Consultation.Slug);

    protected AppDbContext Db => db;

    protected async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Now = clock.UtcNow();
        var found = await db.Consultations.AsNoTracking().Where(c => c.Slug == slug)
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new { Consultation = c, o.Name, o.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !ConsultationPermissions.CanSee(User, found.Consultation))
        {
            return false;
        }
        (Consultation, OrganisationName, OrganisationSlug) = (found.Consultation, found.Name, found.Slug);
        return true;
    }

    /// <summary>The version readers see now: the latest published, or the draft for those writing it.</summary>
    protected Task<DocumentVersion?> CurrentVersionAsync(CancellationToken cancellationToken) =>
        db.DocumentVersions.AsNoTracking().Include(v => v.Sections.OrderBy(s => s.Number))
            .Where(v => v.ConsultationId == Consultation.Id && (v.PublishedAt != null || v.Number == 1))
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Runs a change for those who run the consultation; on success tells the person and goes to <paramref name="then"/>.</summary>
    protected async Task<IActionResult> RunAsync(string slug, string done, Func<Task> act, string errorKey, string then, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!CanRun)
        {
            return Forbid();
        }
        return await this.ChangeAsync(act, done, then, errorKey, () => OnInvalidAsync(cancellationToken));
    }

    /// <summary>Loads what the page shows besides its form, before it is shown again with errors.</summary>
    protected virtual Task OnInvalidAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
