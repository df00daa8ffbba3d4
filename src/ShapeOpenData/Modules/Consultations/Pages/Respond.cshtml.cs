using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>One question of the form, or the consent question, as the page shows it.</summary>
/// <param name="Key">The field's name and id, and its key in the error summary.</param>
public sealed record SurveyField(string Key, string Label, string? Hint, QuestionKind Kind, IReadOnlyList<GovukOption> Options, IReadOnlyList<string> Values, string? Error);

/// <summary>
/// Answering the survey, on a phone and without JavaScript: every question on one page, the required ones checked,
/// and whether the answers may be published. The person's answers come back filled in, to change until the close;
/// after it, they are shown as given.
/// </summary>
[Authorize]
public sealed class RespondModel(AppDbContext db, TimeProvider clock, SurveyWorkflow survey, Participants participants) : ConsultationPage(db, clock)
{
    // Keys sort in the order of the form (answers, then consent), as the error summary lists them.
    private const string ConsentKey = "consent";

    public static readonly IReadOnlyList<GovukOption> Consents =
    [
        new(Consent.WithName.ToCode(), Consent.WithName.ToText(), "Your written answers are shown with your name on the survey page and in its download"),
        new(Consent.WithoutName.ToCode(), Consent.WithoutName.ToText(), "Your written answers are shown as from “A respondent”"),
        new(Consent.NotPublished.ToCode(), Consent.NotPublished.ToText(), "Only the people running the consultation read them"),
    ];

    public IReadOnlyList<SurveyQuestion> Questions { get; private set; } = [];

    /// <summary>The answers given, by question id: as saved, or as just sent back with errors.</summary>
    public Dictionary<int, IReadOnlyList<string>> Given { get; private set; } = [];
    public string? ConsentCode { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    public DateTime? ChangedAt { get; private set; }

    public static string KeyOf(SurveyQuestion question) => $"answer-{question.Number:00}";

    public IEnumerable<SurveyField> Fields => Questions.Select(q => new SurveyField(KeyOf(q), $"{q.Number}. {q.Text}{(q.Required ? "" : " (optional)")}",
        q.Kind == QuestionKind.SeveralChoices ? "Select all that apply." : null, q.Kind,
        [.. q.Options.Select(o => new GovukOption(o, q.Kind == QuestionKind.Scale ? $"{o} – {SurveyQuestion.ScaleLabels[int.Parse(o, System.Globalization.CultureInfo.InvariantCulture) - 1]}" : o))],
        Given.GetValueOrDefault(q.Id) ?? [], ErrorOf(KeyOf(q))));

    public SurveyField ConsentField => new(ConsentKey, "May we publish your answers?",
        "Whatever you choose, the people running the consultation read your answers, and they count in the published figures.",
        QuestionKind.OneChoice, Consents, ConsentCode is null ? [] : [ConsentCode], ErrorOf(ConsentKey));

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken) || !Consultation.IsPublished)
        {
            return NotFound();
        }
        await ReadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken) || !Consultation.IsPublished)
        {
            return NotFound();
        }
        if (!CanTakePart)
        {
            return Forbid();
        }
        await ReadAsync(cancellationToken);
        Given = Questions.ToDictionary(q => q.Id, q => (IReadOnlyList<string>)[.. Request.Form[KeyOf(q)].OfType<string>()]);
        ConsentCode = Request.Form[ConsentKey].FirstOrDefault();
        foreach (var problem in SurveyWorkflow.Check(Questions, q => Given[q.Id]).Problems)
        {
            ModelState.AddModelError(KeyOf(problem.Question), problem.Message);
        }
        var consent = ModelState.Choice<Consent>(ConsentKey, ConsentCode, "Select whether we may publish your answers");
        return await this.ChangeAsync(async () =>
        {
            var first = await survey.RespondAsync(slug, Given, consent!.Value, User, cancellationToken);
            return new Changed($"{Address}/respond", first ? "Thank you: your answers have been saved" : "Your answers have been changed");
        }, "");
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        Questions = await Db.SurveyQuestions.AsNoTracking().Where(q => q.ConsultationId == Consultation.Id).OrderBy(q => q.Number).ToListAsync(cancellationToken);
        if (await participants.FindAsync(Consultation.Id, User.UserId()!.Value, cancellationToken) is not { } participant)
        {
            return;
        }
        var response = await Db.Responses.AsNoTracking().Include(r => r.Answers).SingleOrDefaultAsync(r => r.ParticipantId == participant.Id, cancellationToken);
        if (response is not null)
        {
            Given = response.Answers.ToDictionary(a => a.QuestionId, a => (IReadOnlyList<string>)a.Value.Split('\n'));
            ConsentCode = participant.Consent.ToCode();
            (RespondedAt, ChangedAt) = (response.CreatedAt, response.UpdatedAt);
        }
    }

    private string? ErrorOf(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
