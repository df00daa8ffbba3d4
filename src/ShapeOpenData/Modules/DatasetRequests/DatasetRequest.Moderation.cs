using System.Globalization;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>What moderators do to a request (DESIGN §4.10): hide it, restore it, edit personal data out of the requester's words.</summary>
public sealed partial class DatasetRequest
{
    /// <summary>
    /// Hidden or restored by a moderator. Stamped as a change, so the title index (which catches up by
    /// <see cref="UpdatedAt"/>) stops or starts suggesting it on every instance.
    /// </summary>
    public void Moderate(ModerationChange change, DateTime now)
    {
        Moderation.Apply(change, now);
        UpdatedAt = now;
    }

    /// <summary>Whether a step's note is the requester's own words: an answer to a question, or their reason for withdrawing.</summary>
    public bool IsRequestersNote(RequestEvent step) => step.Note is not null
        && (step.Kind == RequestEventKind.ClarificationReceived
            || (step.Kind == RequestEventKind.Closed && RequesterId is not null && step.ActorId == RequesterId && step.Note.StartsWith(WithdrawnNote, StringComparison.Ordinal)));

    /// <summary>What the requester wrote, as a moderator reads and may edit it: its name, label, wording and limit.</summary>
    public IEnumerable<(string Name, string Label, string Text, int MaxLength)> RequestersWords()
    {
        yield return ("title", "Title", Title, TitleMaxLength);
        yield return ("description", "What is needed", Description, DescriptionMaxLength);
        if (Benefits is not null)
        {
            yield return ("benefits", "How it would help", Benefits, BenefitsMaxLength);
        }
        foreach (var step in Events.Where(IsRequestersNote).OrderBy(e => e.Id))
        {
            if (step.Kind == RequestEventKind.ClarificationReceived)
            {
                yield return ($"answer-{step.Id}", "Answer to a question", step.Note!, AnswerMaxLength);
            }
            else if (step.Note!.Length > WithdrawnNote.Length)
            {
                yield return ($"withdrawal-{step.Id}", "Reason for withdrawing", step.Note[WithdrawnNote.Length..].Trim(), ReasonMaxLength);
            }
        }
    }

    /// <summary>
    /// A moderator edits personal data out of what the requester wrote (fields named as <see cref="RequestersWords"/>
    /// names them). The caller keeps the title unique among open requests and its words in the title index.
    /// </summary>
    public void Redact(IReadOnlyDictionary<string, string> fields, DateTime now)
    {
        foreach (var (name, text) in fields)
        {
            switch (name)
            {
                case "title":
                    Title = Limit(text, TitleMaxLength, name, "The title") ?? throw new FieldRuleException(name, "Enter the title");
                    NormalizedTitle = Normalise(Title);
                    break;
                case "description":
                    Description = Limit(text, DescriptionMaxLength, name, "The description") ?? throw new FieldRuleException(name, "Enter the description");
                    break;
                case "benefits":
                    Benefits = Limit(text, BenefitsMaxLength, name, "The benefits");
                    break;
                default:
                    RedactNote(name, text);
                    break;
            }
        }
        Moderate(new ModerationChange.Redact(fields), now);
    }

    private void RedactNote(string name, string text)
    {
        var step = name.Split('-') is [_, var id] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId)
            ? Events.SingleOrDefault(e => e.Id == eventId && IsRequestersNote(e))
            : null;
        if (step?.Kind == RequestEventKind.ClarificationReceived && name.StartsWith("answer-", StringComparison.Ordinal))
        {
            step.Note = Limit(text, AnswerMaxLength, name, "The answer") ?? throw new FieldRuleException(name, "Enter the answer");
        }
        else if (step?.Kind == RequestEventKind.Closed && name.StartsWith("withdrawal-", StringComparison.Ordinal))
        {
            var reason = Limit(text, ReasonMaxLength, name, "The reason");
            step.Note = Join(WithdrawnNote, reason);
            // The outcome shows the reason too, while this withdrawal is the request's last word.
            if (Outcome == DatasetRequests.Outcome.Withdrawn && Events.Where(e => e.Kind == RequestEventKind.Closed).MaxBy(e => e.Id) == step)
            {
                OutcomeExplanation = reason;
            }
        }
        else
        {
            throw new RuleException($"This request has nothing called '{name}' to edit");
        }
    }

    /// <summary>How a withdrawal starts on the timeline; the requester's reason follows it.</summary>
    private static string WithdrawnNote => $"Outcome: {DatasetRequests.Outcome.Withdrawn.ToText()}.";
}
