using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Consultations.Pages.Versions;

/// <summary>A published version as lists show it: its number, when, and the note of what changed.</summary>
public sealed record VersionRow(int Number, DateTime PublishedAt, string? Note);

/// <summary>
/// What the version pages share: the consultation (not found while it is a draft, whose document is not yet a
/// version anyone reads), and its published versions, oldest first.
/// </summary>
public abstract class VersionPage(AppDbContext db, TimeProvider clock) : ConsultationPage(db, clock)
{
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public int Latest => Versions.Count == 0 ? 0 : Versions[^1].Number;

    /// <summary>The consultation and its versions; false when there is none to show this reader.</summary>
    protected async Task<bool> LoadVersionsAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken) || !Consultation.IsPublished)
        {
            return false;
        }
        Versions = await Db.DocumentVersions.AsNoTracking().Where(v => v.ConsultationId == Consultation.Id && v.PublishedAt != null)
            .OrderBy(v => v.Number).Select(v => new VersionRow(v.Number, v.PublishedAt!.Value, v.Note)).ToListAsync(cancellationToken);
        return true;
    }

    /// <summary>One published version with its sections in order, or null.</summary>
    protected Task<DocumentVersion?> VersionAsync(int number, CancellationToken cancellationToken) =>
        Db.DocumentVersions.AsNoTracking().Include(v => v.Sections.OrderBy(s => s.Number))
            .SingleOrDefaultAsync(v => v.ConsultationId == Consultation.Id && v.Number == number && v.PublishedAt != null, cancellationToken);
}
