namespace ShapeOpenData.Modules.Commitments;

/// <summary>A dated account of progress on a commitment, with evidence where there is some. Kept as written.</summary>
public sealed class ProgressUpdate
{
    public const int TextMaxLength = 5_000;
    public const int EvidenceMaxLength = 1_000;

    public int Id { get; private set; }
    public int CommitmentId { get; private set; }

    /// <summary>The day the progress is reported as of.</summary>
    public DateOnly ReportedOn { get; private set; }

    /// <summary>What was done, in Markdown.</summary>
    public string Text { get; private set; } = "";

    /// <summary>A web address, or a description of what shows it.</summary>
    public string? Evidence { get; private set; }
    public int? PostedById { get; private set; }
    public DateTime PostedAt { get; private set; }

    private ProgressUpdate() { }

    public static ProgressUpdate Post(DateOnly reportedOn, string text, string? evidence, int? postedById, DateTime now, DateOnly today)
    {
        CommitmentRules.Require(reportedOn <= today, "The date of the update must be today or in the past");
        return new ProgressUpdate
        {
            ReportedOn = reportedOn, Text = text.Trim(), Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(),
            PostedById = postedById, PostedAt = now,
        };
    }
}
