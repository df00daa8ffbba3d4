using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Comments;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>One section of one version of the document, with its comments; people comment while it is open, quoting a passage if they like.</summary>
public sealed class SectionModel(AppDbContext db, TimeProvider clock, CommentThreads comments) : ConsultationPage(db, clock)
{
    public Section Section { get; private set; } = null!;
    public int VersionNumber { get; private set; }
    public int LatestVersion { get; private set; }
    public int SectionCount { get; private set; }
    public CommentPage Comments { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int version, int number, [FromQuery(Name = "comments")] int commentPage, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken) || !Consultation.IsPublished)
        {
            return NotFound();
        }
        var found = await Db.DocumentVersions.AsNoTracking().Include(v => v.Sections)
            .SingleOrDefaultAsync(v => v.ConsultationId == Consultation.Id && v.Number == version && v.PublishedAt != null, cancellationToken);
        if (found?.Sections.SingleOrDefault(s => s.Number == number) is not { } section)
        {
            return NotFound();
        }
        (Section, VersionNumber, SectionCount) = (section, version, found.Sections.Count);
        LatestVersion = await Db.DocumentVersions.Where(v => v.ConsultationId == Consultation.Id && v.PublishedAt != null).MaxAsync(v => v.Number, cancellationToken);
        // Comments are taken on the version people are reading while it is open; earlier versions keep theirs, to read.
        var canComment = CanTakePart && version == LatestVersion;
        Comments = await comments.PageAsync(ConsultationsModule.SectionItemType, section.Id, commentPage, User, canComment, cancellationToken) with { CanQuote = canComment };
        return Page();
    }
}
