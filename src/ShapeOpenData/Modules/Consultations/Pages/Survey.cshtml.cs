using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>
/// The survey. While the consultation is a draft, those who run it write its questions here; once it opens, anyone who
/// can see it reads the questions with what people said: the counts of every answer, and the written answers of those
/// who agreed to publish them.
/// </summary>
public sealed class SurveyModel(AppDbContext db, TimeProvider clock, SurveyWorkflow survey, SurveyResults results) : ConsultationPage(db, clock)
{
    public IReadOnlyList<SurveyQuestion> Questions { get; private set; } = [];
    public SurveyFigures? Figures { get; private set; }
    public IReadOnlyList<PublishedAnswer> Published { get; private set; } = [];
    public bool IsDraft => Consultation.State == ConsultationState.Draft;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        await OnInvalidAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!User.IsSignedIn())
        {
            return Challenge();
        }
        return await RunAsync(slug, "The question has been removed", () => survey.RemoveQuestionAsync(slug, number, User, cancellationToken),
            "questions", $"/consultations/{slug}/survey#questions", cancellationToken);
    }

    protected override async Task OnInvalidAsync(CancellationToken cancellationToken)
    {
        Questions = await Db.SurveyQuestions.AsNoTracking().Where(q => q.ConsultationId == Consultation.Id).OrderBy(q => q.Number).ToListAsync(cancellationToken);
        if (Consultation.IsPublished && Questions.Count > 0)
        {
            Figures = await results.ForAsync(Consultation.Id, cancellationToken);
            Published = await results.PublishedAnswersAsync(Consultation.Id, cancellationToken);
        }
    }
}
