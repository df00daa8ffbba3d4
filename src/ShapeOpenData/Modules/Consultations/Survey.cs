using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Consultations;

public enum QuestionKind
{
    [Display(Name = "Free text")] FreeText,
    [Display(Name = "One choice")] OneChoice,
    [Display(Name = "Several choices")] SeveralChoices,
    [Display(Name = "Scale of 1 to 5")] Scale,
}

/// <summary>
/// A question of a consultation's short survey, set while it is a draft. Choices are one a line; a scale runs from
/// 1 (strongly disagree) to 5 (strongly agree).
/// </summary>
public sealed class SurveyQuestion
{
    public const int TextMaxLength = 500;
    public const int ChoicesMaxLength = 2_000;
    public const int MaxChoices = 20;
    public const int MaxQuestions = 30;

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }
    public int Number { get; private set; }
    public string Text { get; private set; } = "";
    public QuestionKind Kind { get; private set; }
    public bool Required { get; private set; }

    /// <summary>The choices, one a line (empty for free text and the scale).</summary>
    public string Choices { get; private set; } = "";

    public IReadOnlyList<string> ChoiceList => Choices.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What each point of the scale means, from 1 to 5.</summary>
    public static readonly IReadOnlyList<string> ScaleLabels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

    /// <summary>The answers people pick from, as kept: the choices, or the scale's points "1" to "5"; none for free text.</summary>
    public IReadOnlyList<string> Options => Kind switch
    {
        QuestionKind.Scale => ["1", "2", "3", "4", "5"],
        QuestionKind.FreeText => [],
        _ => ChoiceList,
    };

    /// <summary>An answer as people read it: a point of the scale with its meaning ("4 (agree)"), otherwise as kept.</summary>
    public static string Describe(QuestionKind kind, string value) =>
        kind == QuestionKind.Scale && int.TryParse(value, out var point) && point is >= 1 and <= 5
            ? $"{point} ({ScaleLabels[point - 1].ToLowerInvariant()})"
            : value;

    private SurveyQuestion() { }

    public static SurveyQuestion Ask(int consultationId, int number, string text, QuestionKind kind, bool required, string? choices)
    {
        var question = new SurveyQuestion { ConsultationId = consultationId, Number = number };
        question.Change(text, kind, required, choices);
        return question;
    }

    public void Change(string text, QuestionKind kind, bool required, string? choices)
    {
        Text = Consultation.Checked(text, TextMaxLength, "Question");
        Kind = kind;
        Required = required;
        Choices = ChoicesOf(kind, choices);
    }

    /// <summary>
    /// The choices as kept, one a line, trimmed and without repeats; refused unless a choice question has 2 to
    /// <see cref="MaxChoices"/> of them. Empty for free text and the scale, whatever was typed.
    /// </summary>
    public static string ChoicesOf(QuestionKind kind, string? choices)
    {
        if (kind is not (QuestionKind.OneChoice or QuestionKind.SeveralChoices))
        {
            return "";
        }
        var list = (choices ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        Consultation.Require(list.Count >= 2, "Give at least two choices, one a line");
        Consultation.Require(list.Count <= MaxChoices, $"Give at most {MaxChoices} choices");
        var kept = string.Join('\n', list);
        Consultation.Require(kept.Length <= ChoicesMaxLength, $"The choices must be {ChoicesMaxLength:N0} characters or fewer in all");
        return kept;
    }

    internal void Renumber(int number) => Number = number;

    /// <summary>
    /// The answer as kept, checked against the question: the text, the choice, the choices one a line, or the scale's
    /// number; null when not answered. A required question left unanswered is refused.
    /// </summary>
    public string? Check(IReadOnlyList<string> given)
    {
        var values = given.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            Consultation.Require(!Required, $"Answer question {Number}: {Text}");
            return null;
        }
        switch (Kind)
        {
            case QuestionKind.FreeText:
                Consultation.Require(values[0].Length <= Answer.ValueMaxLength, $"Your answer to question {Number} must be {Answer.ValueMaxLength:N0} characters or fewer");
                return values[0];
            case QuestionKind.OneChoice:
                Consultation.Require(values.Count == 1 && ChoiceList.Contains(values[0]), $"Choose one of the answers to question {Number}");
                return values[0];
            case QuestionKind.SeveralChoices:
                Consultation.Require(values.All(ChoiceList.Contains), $"Choose from the answers to question {Number}");
                return string.Join('\n', ChoiceList.Where(values.Contains));
            default:
                Consultation.Require(values.Count == 1 && int.TryParse(values[0], out var point) && point is >= 1 and <= 5, $"Choose a number from 1 to 5 for question {Number}");
                return values[0];
        }
    }
}

public enum Consent
{
    [Display(Name = "Yes, with my name")] WithName,
    [Display(Name = "Yes, without my name")] WithoutName,
    [Display(Name = "No, do not publish my answers")] NotPublished,
}

/// <summary>
/// A person's answers to a consultation's survey: one per person, changed as often as they like until it closes,
/// with their choice of whether the answers may be published with their name, without it, or not at all.
/// </summary>
public sealed class Response
{
    public int Id { get; private set; }
    public int ConsultationId { get; private set; }
    public int ParticipantId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public List<Answer> Answers { get; private set; } = [];

    private Response() { }

    public static Response Start(int consultationId, int participantId, DateTime now) =>
        new() { ConsultationId = consultationId, ParticipantId = participantId, CreatedAt = now, UpdatedAt = now };

    /// <summary>Replaces every answer with those given (null: not answered).</summary>
    public void Answer(IReadOnlyDictionary<int, string?> answers, DateTime now)
    {
        Answers.RemoveAll(a => !answers.ContainsKey(a.QuestionId) || answers[a.QuestionId] is null);
        foreach (var (questionId, value) in answers)
        {
            if (value is null)
            {
                continue;
            }
            if (Answers.Find(a => a.QuestionId == questionId) is { } existing)
            {
                existing.Set(value);
            }
            else
            {
                Answers.Add(Consultations.Answer.Of(questionId, value));
            }
        }
        UpdatedAt = now;
    }
}

/// <summary>One answer: free text, a choice, several choices one a line, or a number from 1 to 5.</summary>
public sealed class Answer
{
    public const int ValueMaxLength = 5_000;

    public int Id { get; private set; }
    public int ResponseId { get; private set; }
    public int QuestionId { get; private set; }
    public string Value { get; private set; } = "";

    private Answer() { }

    internal static Answer Of(int questionId, string value) => new() { QuestionId = questionId, Value = value };

    internal void Set(string value) => Value = value;
}
