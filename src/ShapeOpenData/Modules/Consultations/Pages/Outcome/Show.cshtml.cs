using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages.Outcome;

/// <summary>
/// "We asked, you said, we did": what the consultation asked (its summary, document and questions), what people said
/// (figures from what was gathered, then the team's account) and what was done, each change linked to the version of
/// the document that made it. Other modules add what came of it (commitments) through the page-section contract.
/// </summary>
public sealed class ShowModel(AppDbContext db, TimeProvider clock, OutcomeCounts counts, PageSections pageSections) : ConsultationPage(db, clock)
{
    public sealed record SectionHeading(int Number, string Heading);

    public ConsultationOutcome Outcome { get; private set; } = null!;
    public FiguresView Figures { get; private set; } = null!;
    public IReadOnlyList<SectionHeading> Sections { get; private set; } = [];
    public IReadOnlyList<string> Questions { get; private set; } = [];
    public IReadOnlyList<OutcomeChange> Changes { get; private set; } = [];
    public IReadOnlyList<PageSection> Contributed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken) || Consultation.Outcome is not { } outcome)
        {
            return NotFound();
        }
        Outcome = outcome;
        var id = Consultation.Id;
        Figures = new(Address, await counts.CountAsync(id, cancellationToken));
        // What was asked: the document as it opened.
        Sections = await Db.Sections.Where(s => Db.DocumentVersions.Any(v => v.Id == s.VersionId && v.ConsultationId == id && v.Number == 1))
            .OrderBy(s => s.Number).Select(s => new SectionHeading(s.Number, s.Heading)).ToListAsync(cancellationToken);
        Questions = await Db.SurveyQuestions.Where(q => q.ConsultationId == id).OrderBy(q => q.Number).Select(q => q.Text).ToListAsync(cancellationToken);
        Changes = await Db.OutcomeChanges.AsNoTracking().Where(c => c.ConsultationId == id).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        Contributed = await pageSections.ForAsync(ConsultationsModule.ItemType, id, User, cancellationToken);
        return Page();
    }
}
