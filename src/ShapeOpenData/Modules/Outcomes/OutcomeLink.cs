using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes;

/// <summary>
/// A link someone made from an input (a request, a statement, an action…) to an outcome it led to (a commitment, a
/// milestone, a dataset, a document version), with the reason in one line. The items are named by type and id only:
/// their modules say what they are, and whether the public may see them.
/// </summary>
public sealed class OutcomeLink
{
    public const int TypeMaxLength = 40;
    public const int ReasonMaxLength = 200;

    public int Id { get; private set; }
    public string InputType { get; private set; } = "";
    public int InputId { get; private set; }
    public string OutcomeType { get; private set; } = "";
    public int OutcomeId { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>Who made it; null once their account is erased (the link stays: it is about the items, not them).</summary>
    public int? LinkedById { get; private set; }

    public DateTime LinkedAt { get; private set; }

    public ItemRef Input => new(InputType, InputId);
    public ItemRef Outcome => new(OutcomeType, OutcomeId);

    public static OutcomeLink Make(ItemRef input, ItemRef outcome, string reason, int? linkedById, DateTime now)
    {
        var text = reason.Trim();
        if (text.Length == 0)
        {
            throw new FieldRuleException("Reason", "Enter why this led to it, in one line");
        }
        if (text.Length > ReasonMaxLength)
        {
            throw new FieldRuleException("Reason", $"The reason must be {ReasonMaxLength} characters or fewer");
        }
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            throw new FieldRuleException("Reason", "The reason must be one line");
        }
        if (input == outcome)
        {
            throw new FieldRuleException("InputReference", "An item cannot lead to itself");
        }
        return new()
        {
            InputType = input.Type, InputId = input.Id, OutcomeType = outcome.Type, OutcomeId = outcome.Id,
            Reason = text, LinkedById = linkedById, LinkedAt = now,
        };
    }

    public TraceLink ToTrace() => new(Input, Outcome, Reason, LinkedAt);
}
