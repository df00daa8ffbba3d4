using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>Writing a question of a draft's survey: a new one at the end, or changing one. Once it opens, the questions are fixed.</summary>
[Authorize]
public sealed class SurveyQuestionFormModel(AppDbContext db, TimeProvider clock, SurveyWorkflow survey) : ConsultationPage(db, clock)
{
    public static readonly IReadOnlyList<GovukOption> Kinds =
    [
        new(QuestionKind.FreeText.ToCode(), "Free text", "People write their answer in their own words"),
        new(QuestionKind.OneChoice.ToCode(), "One choice", "People pick one of the choices you give"),
        new(QuestionKind.SeveralChoices.ToCode(), "Several choices", "People pick as many of the choices as apply"),
        new(QuestionKind.Scale.ToCode(), "A scale of 1 to 5", "From 1, strongly disagree, to 5, strongly agree: write the question as a statement"),
    ];

    public static readonly IReadOnlyList<GovukOption> YesNo = [new("yes", "Yes"), new("no", "No, it is optional")];

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Choices { get; set; }
    [BindProperty] public string? Required { get; set; } = "no";

    public int? Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!CanRun)
        {
            return Forbid();
        }
        if (Consultation.State != ConsultationState.Draft)
        {
            // The questions are fixed once it opens: nothing to write here.
            return Redirect($"{Address}/survey");
        }
        Number = number;
        if (number is not null)
        {
            var question = await Db.SurveyQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.ConsultationId == Consultation.Id && q.Number == number, cancellationToken);
            if (question is null)
            {
                return NotFound();
            }
            (Text, Kind, Choices, Required) = (question.Text, question.Kind.ToCode(), question.Choices, question.Required ? "yes" : "no");
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string slug, int? number, CancellationToken cancellationToken)
    {
        Number = number;
        var text = ModelState.Required(nameof(Text), Text, "Enter the question", SurveyQuestion.TextMaxLength, "The question");
        var kind = ModelState.Choice<QuestionKind>(nameof(Kind), Kind, "Select the kind of answer people give");
        if (Required is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Required), "Select whether people must answer it");
        }
        if (kind is { } k)
        {
            try
            {
                SurveyQuestion.ChoicesOf(k, Choices);
            }
            catch (RuleException wrong)
            {
                ModelState.AddModelError(nameof(Choices), wrong.Message);
            }
        }
        var details = new QuestionDetails(text ?? "", kind ?? QuestionKind.FreeText, Required == "yes", Choices);
        return RunAsync(slug, number is null ? "The question has been added" : "The question has been changed",
            () => number is { } n
                ? survey.ChangeQuestionAsync(slug, n, details, User, cancellationToken)
                : survey.AddQuestionAsync(slug, details, User, cancellationToken),
            nameof(Text), $"/consultations/{slug}/survey#questions", cancellationToken);
    }
}
