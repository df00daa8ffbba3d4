using System.ComponentModel.DataAnnotations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates;

/// <summary>
/// A suggestion for improvement on a policy update, from anyone signed in. The update's organisation or the programme
/// team answer it — noted, adopted or not adopted, and why not — and the answer is shown beside it, for good.
/// </summary>
public sealed class Suggestion
{
    public const int TextMaxLength = 2_000;
    public const int ReasonMaxLength = 2_000;

    public int Id { get; private set; }
    public int UpdateId { get; private set; }

    /// <summary>What the person suggests, in Markdown.</summary>
    public string Text { get; private set; } = "";
    public int AuthorId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public SuggestionAnswer? Answer { get; private set; }

    /// <summary>Why: required when it is not adopted, welcome otherwise.</summary>
    public string? Reason { get; private set; }
    public int? AnsweredById { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    private Suggestion() { }

    public static Suggestion Make(int updateId, string text, int authorId, DateTime now) =>
        new() { UpdateId = updateId, Text = text.Trim(), AuthorId = authorId, CreatedAt = now };

    /// <summary>Records the answer, replacing any earlier one (the audit log keeps that).</summary>
    public void AnswerWith(SuggestionAnswer answer, string? reason, int? answeredById, DateTime now)
    {
        var why = FieldRuleException.Limit(reason, ReasonMaxLength, "Reason", "The reason");
        if (answer == SuggestionAnswer.NotAdopted && why is null)
        {
            throw new FieldRuleException("Reason", "Say why the suggestion is not adopted");
        }
        (Answer, Reason, AnsweredById, AnsweredAt) = (answer, why, answeredById, now);
    }
}

/// <summary>How a suggestion was answered; stored as <c>noted</c>, <c>adopted</c> or <c>not_adopted</c>.</summary>
public enum SuggestionAnswer
{
    [Display(Name = "Noted")] Noted,
    [Display(Name = "Adopted")] Adopted,
    [Display(Name = "Not adopted")] NotAdopted,
}
