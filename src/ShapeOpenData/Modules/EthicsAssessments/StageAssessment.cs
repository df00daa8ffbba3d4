using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>
/// One assessment of a project at one stage: a score and notes for each item of the framework, on a date. Never
/// changed once recorded: assessing the stage again adds a new one, so the history keeps every one.
/// </summary>
public sealed class StageAssessment
{
    public int Id { get; private set; }
    public int AssessmentId { get; private set; }
    public ProjectStage Stage { get; private set; }

    /// <summary>The day the team assessed the project, as they said (UK date).</summary>
    public DateOnly AssessedOn { get; private set; }

    /// <summary>Who recorded it; null only for demo content's people who have no account any more.</summary>
    public int? AssessedById { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public List<ItemScore> Scores { get; private set; } = [];

    private StageAssessment() { }

    /// <summary>A stage assessed: every item of the framework scored once, from 0 to 5.</summary>
    internal static StageAssessment Record(int assessmentId, ProjectStage stage, DateOnly assessedOn, IReadOnlyList<ItemAnswer> answers, int? assessedById, DateTime now)
    {
        var items = Enum.GetValues<EthicsItem>();
        if (answers.Count != items.Length || !items.All(i => answers.Count(a => a.Item == i) == 1))
        {
            throw new RuleException("Score every principle and action once");
        }
        var scores = answers.OrderBy(a => a.Item).Select(a => ItemScore.Of(a.Item, a.Score, a.Notes)).ToList();
        return new StageAssessment
        {
            AssessmentId = assessmentId, Stage = stage, AssessedOn = assessedOn, AssessedById = assessedById, RecordedAt = now, Scores = scores,
        };
    }
}

/// <summary>What the team said about one item at one stage.</summary>
public sealed record ItemAnswer(EthicsItem Item, int Score, string? Notes);

/// <summary>One item's score (0–5) and notes in a stage assessment.</summary>
public sealed class ItemScore
{
    public const int NotesMaxLength = 2_000;

    public int StageAssessmentId { get; private set; }
    public EthicsItem Item { get; private set; }
    public int Score { get; private set; }
    public string? Notes { get; private set; }

    private ItemScore() { }

    internal static ItemScore Of(EthicsItem item, int score, string? notes)
    {
        if (score is < EthicsFramework.MinScore or > EthicsFramework.MaxScore)
        {
            throw new FieldRuleException("score", $"Each score must be from {EthicsFramework.MinScore} to {EthicsFramework.MaxScore}");
        }
        return new ItemScore { Item = item, Score = score, Notes = FieldRuleException.Limit(notes, NotesMaxLength, "notes", "The notes") };
    }
}
