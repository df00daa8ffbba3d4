using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// An independent assessment of a commitment on the OGP Independent Reporting Mechanism's scales, by an assessor, at
/// mid-term or at the end of the term. Each is kept as recorded, dated; a later one is a new assessment. Whether the
/// commitment is "starred" is derived (<see cref="CommitmentRules.IsStarred"/>), never typed.
/// </summary>
public sealed class Assessment
{
    public const int SummaryMaxLength = 4_000;

    public int Id { get; private set; }
    public int CommitmentId { get; private set; }
    public AssessmentKind Kind { get; private set; }
    public DateOnly AssessedOn { get; private set; }
    public Specificity Specificity { get; private set; }
    public bool AccessToInformation { get; private set; }
    public bool CivicParticipation { get; private set; }
    public bool PublicAccountability { get; private set; }
    public bool TechnologyAndInnovation { get; private set; }
    public PotentialImpact PotentialImpact { get; private set; }
    public Completion Completion { get; private set; }

    /// <summary>"Did it open government?": judged at the end of the term, so optional at mid-term.</summary>
    public OpenedGovernment? OpenedGovernment { get; private set; }

    /// <summary>The assessor's reasoning, in Markdown.</summary>
    public string Summary { get; private set; } = "";
    public int? AssessorId { get; private set; }
    public DateTime RecordedAt { get; private set; }

    private Assessment() { }

    public static Assessment Record(AssessmentDetails details, int? assessorId, DateTime now, DateOnly today)
    {
        CommitmentRules.Require(details.AssessedOn <= today, "The date of the assessment must be today or in the past");
        CommitmentRules.Require(details.Kind != AssessmentKind.EndOfTerm || details.OpenedGovernment is not null,
            "Select whether it opened government: an end-of-term assessment says");
        return new Assessment
        {
            Kind = details.Kind, AssessedOn = details.AssessedOn, Specificity = details.Specificity,
            AccessToInformation = details.AccessToInformation, CivicParticipation = details.CivicParticipation,
            PublicAccountability = details.PublicAccountability, TechnologyAndInnovation = details.TechnologyAndInnovation,
            PotentialImpact = details.PotentialImpact, Completion = details.Completion, OpenedGovernment = details.OpenedGovernment,
            Summary = details.Summary.Trim(), AssessorId = assessorId, RecordedAt = now,
        };
    }
}

public sealed record AssessmentDetails(
    AssessmentKind Kind, DateOnly AssessedOn, Specificity Specificity, bool AccessToInformation, bool CivicParticipation,
    bool PublicAccountability, bool TechnologyAndInnovation, PotentialImpact PotentialImpact, Completion Completion,
    OpenedGovernment? OpenedGovernment, string Summary);

public enum AssessmentKind
{
    [Display(Name = "Mid-term")] MidTerm,
    [Display(Name = "End of term")] EndOfTerm,
}

public enum Specificity
{
    [Display(Name = "None")] None,
    [Display(Name = "Low")] Low,
    [Display(Name = "Medium")] Medium,
    [Display(Name = "High")] High,
}

public enum PotentialImpact
{
    [Display(Name = "None")] None,
    [Display(Name = "Minor")] Minor,
    [Display(Name = "Moderate")] Moderate,
    [Display(Name = "Transformative")] Transformative,
}

public enum OpenedGovernment
{
    [Display(Name = "Worsened")] Worsened,
    [Display(Name = "Did not change")] DidNotChange,
    [Display(Name = "Marginal")] Marginal,
    [Display(Name = "Major")] Major,
    [Display(Name = "Outstanding")] Outstanding,
}
