using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages.Versions;

/// <summary>
/// One version of the document, every section in full, with what other modules show of it (what led to it); an earlier
/// one says so and offers the comparison with the latest.
/// </summary>
public sealed class ShowModel(AppDbContext db, TimeProvider clock, PageSections pageSections) : VersionPage(db, clock)
{
    public sealed record SectionRow(int Number, string Heading, string Html);

    public VersionRow Version { get; private set; } = null!;
    public IReadOnlyList<SectionRow> Sections { get; private set; } = [];

    /// <summary>What other modules show on a version's page.</summary>
    public IReadOnlyList<PageSection> Contributed { get; private set; } = [];

    public bool IsLatest => Version.Number == Latest;

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!await LoadVersionsAsync(slug, cancellationToken) || await VersionAsync(number, cancellationToken) is not { } version)
        {
            return NotFound();
        }
        Version = Versions.Single(v => v.Number == number);
        Sections = [.. version.Sections.Select(s => new SectionRow(s.Number, s.Heading, Markdown.ToSafeHtml(s.Body)))];
        Contributed = await pageSections.ForAsync(ItemTypes.DocumentVersion, version.Id, User, cancellationToken);
        return Page();
    }
}
