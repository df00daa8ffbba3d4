using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Consultations.Pages.Versions;

/// <summary>One version of the document, every section in full; an earlier one says so and offers the comparison with the latest.</summary>
public sealed class ShowModel(AppDbContext db, TimeProvider clock) : VersionPage(db, clock)
{
    public sealed record SectionRow(int Number, string Heading, string Html);

    public VersionRow Version { get; private set; } = null!;
    public IReadOnlyList<SectionRow> Sections { get; private set; } = [];

    public bool IsLatest => Version.Number == Latest;

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!await LoadVersionsAsync(slug, cancellationToken) || await VersionAsync(number, cancellationToken) is not { } version)
        {
            return NotFound();
        }
        Version = Versions.Single(v => v.Number == number);
        Sections = [.. version.Sections.Select(s => new SectionRow(s.Number, s.Heading, Markdown.ToSafeHtml(s.Body)))];
        return Page();
    }
}
