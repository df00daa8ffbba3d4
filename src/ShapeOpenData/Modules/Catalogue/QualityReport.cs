using System.ComponentModel.DataAnnotations;

using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>
/// Something wrong with a published dataset, reported by someone who uses it (DESIGN §4.3). The report
/// carries its own rules: the publisher's response is due within the service standard, it closes with a
/// resolution and may be reopened, and a report of exposed personal data stays hidden until reviewed.
/// </summary>
public sealed partial class QualityReport
{
    public const int DetailsMaxLength = 5_000;

    public int Id { get; private set; }
    public int DatasetId { get; private set; }
    public Dataset? Dataset { get; private set; }

    /// <summary>Counts from 1 within its dataset: <c>/datasets/road-traffic/reports/3</c>.</summary>
    public int Number { get; private set; }
    public int? DistributionId { get; private set; }
    public ReportCategory Category { get; private set; }
    public string Details { get; private set; } = "";
    public int? ReporterId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public ReportState State { get; private set; }

    /// <summary>The publisher's first response is due by this day (service standard, in working days).</summary>
    public DateOnly ResponseDueOn { get; private set; }
    public DateTime? FirstRespondedAt { get; private set; }

    /// <summary>Personal data reports are hidden from the public until a publisher or moderator has reviewed them.</summary>
    public bool AwaitingReview { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public Resolution? Resolution { get; private set; }
    public string? ResolutionNote { get; private set; }

    /// <summary>"I have this problem too": kept equal to the supports saying so by the supports module, in their transaction.</summary>
    public int AffectedCount { get; private set; }
    public int Version { get; private set; }
    public List<QualityReportEvent> Events { get; private set; } = [];

    /// <summary>
    /// Hidden by a moderator: its page stays, with the notice in place of what the reporter wrote, and it leaves every
    /// list, feed and the API for all but its reporter and moderators. Never held for approval: see <see cref="QualityReportModeration"/>.
    /// </summary>
    public ModerationState Moderation { get; private set; } = new();

    public bool IsOpen => State != ReportState.Closed;
    public bool IsOverdue(DateOnly today) => IsOpen && FirstRespondedAt is null && ResponseDueOn < today;

    private QualityReport() { }

    public static QualityReport File(Dataset dataset, int? distributionId, ReportCategory category, string details, int? reporterId, DateOnly dueOn, DateTime now)
    {
        if (distributionId is { } id && dataset.Distributions.All(d => d.Id != id))
        {
            throw new RuleException("Select a file or link from this dataset");
        }
        var report = new QualityReport
        {
            DatasetId = dataset.Id,
            Number = dataset.NextReportNumber(),
            DistributionId = distributionId,
            Category = category,
            Details = Checked(details),
            ReporterId = reporterId,
            CreatedAt = now,
            UpdatedAt = now,
            State = ReportState.Open,
            ResponseDueOn = dueOn,
            AwaitingReview = category == ReportCategory.PersonalDataExposed,
        };
        report.Record(ReportEventKind.Reported, reporterId, null, now);
        return report;
    }

    /// <summary>The publisher's answer, shown on the report; the first one stops the response clock.</summary>
    public QualityReportEvent Respond(string response, int? actorId, DateTime now)
    {
        Require(IsOpen, "This report is closed. Reopen it to respond");
        Require(!string.IsNullOrWhiteSpace(response), "Enter your response");
        State = ReportState.Acknowledged;
        return Changed(ReportEventKind.Responded, actorId, response, now);
    }

    /// <summary>A reviewer has checked a personal data report; it can now be shown to everyone.</summary>
    public QualityReportEvent Review(string? note, int? actorId, DateTime now)
    {
        Require(AwaitingReview, "This report does not need reviewing");
        AwaitingReview = false;
        return Changed(ReportEventKind.Reviewed, actorId, note, now);
    }

    public QualityReportEvent Close(Resolution resolution, string? note, int? actorId, DateTime now)
    {
        Require(IsOpen, "This report is already closed");
        Require(resolution != Catalogue.Resolution.WontFix || !string.IsNullOrWhiteSpace(note), "Explain why it will not be fixed");
        Resolution = resolution;
        ResolutionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ClosedAt = now;
        State = ReportState.Closed;
        return Changed(ReportEventKind.Closed, actorId, $"Resolution: {resolution.ToText()}.{(ResolutionNote is null ? "" : " " + ResolutionNote)}", now);
    }

    /// <summary>The problem is back, or was not fixed: the report opens again with a new response due.</summary>
    public QualityReportEvent Reopen(string reason, DateOnly dueOn, int? actorId, DateTime now)
    {
        Require(!IsOpen, "Only a closed report can be reopened");
        Require(!string.IsNullOrWhiteSpace(reason), "Say why the report should be reopened");
        Resolution = null;
        ResolutionNote = null;
        ClosedAt = null;
        FirstRespondedAt = null;
        ResponseDueOn = dueOn;
        State = ReportState.Open;
        return Changed(ReportEventKind.Reopened, actorId, reason, now);
    }

    /// <summary>A moderator edits personal data out of what the reporter wrote; the moderation module keeps the original, for administrators only.</summary>
    public void Redact(string details, DateTime now)
    {
        Details = Checked(details);
        Moderation.Apply(new ModerationChange.Redact(new Dictionary<string, string>()), now);
    }

    /// <summary>The first thing a publisher does counts as the response.</summary>
    public void MarkResponded(DateTime now) => FirstRespondedAt ??= now;

    private QualityReportEvent Changed(ReportEventKind kind, int? actorId, string? note, DateTime now)
    {
        UpdatedAt = now;
        Version++;
        return Record(kind, actorId, note, now);
    }

    private QualityReportEvent Record(ReportEventKind kind, int? actorId, string? note, DateTime now)
    {
        var recorded = new QualityReportEvent { Kind = kind, ActorId = actorId, At = now, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        Events.Add(recorded);
        return recorded;
    }

    private static string Checked(string details)
    {
        var text = details.Trim();
        Require(text.Length > 0, "Describe the problem");
        Require(text.Length <= DetailsMaxLength, $"The description must be {DetailsMaxLength:N0} characters or fewer");
        return text;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RuleException(message);
        }
    }
}

public sealed class QualityReportEvent
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public ReportEventKind Kind { get; set; }
    public int? ActorId { get; set; }
    public DateTime At { get; set; }
    public string? Note { get; set; }
}

public enum ReportCategory
{
    [Display(Name = "Broken link")] BrokenLink,
    [Display(Name = "Out of date")] OutOfDate,
    [Display(Name = "Errors in the data")] ErrorsInData,
    [Display(Name = "Missing or wrong metadata")] MetadataWrong,
    [Display(Name = "Not machine-readable")] NotMachineReadable,
    [Display(Name = "Licence unclear")] LicenceUnclear,
    [Display(Name = "Personal data exposed")] PersonalDataExposed,
    [Display(Name = "Something else")] Other,
}

public enum ReportState
{
    [Display(Name = "Open")] Open,
    [Display(Name = "Acknowledged")] Acknowledged,
    [Display(Name = "Closed")] Closed,
}

public enum Resolution
{
    [Display(Name = "Fixed")] Fixed,
    [Display(Name = "Won't fix")] WontFix,
    [Display(Name = "Duplicate")] Duplicate,
    [Display(Name = "Not a problem")] NotAProblem,
}

public enum ReportEventKind
{
    [Display(Name = "Reported")] Reported,
    [Display(Name = "Publisher responded")] Responded,
    [Display(Name = "Reviewed for personal data")] Reviewed,
    [Display(Name = "Closed")] Closed,
    [Display(Name = "Reopened")] Reopened,
}
