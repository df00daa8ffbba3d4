using System.Linq.Expressions;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// Every value derived from what was typed, in one place, so a page, an export and the API can never disagree and
/// none of them can be typed: overdue (from the dates), starred (from an assessment) and the completion roll-ups.
/// </summary>
public static class CommitmentRules
{
    /// <summary>
    /// A milestone is overdue from the day after its due date until it is met or found not met: as a query, so lists
    /// filter on it in the database; <see cref="IsOverdue(Milestone, DateOnly)"/> is the same rule in memory.
    /// </summary>
    public static Expression<Func<Milestone, bool>> MilestoneOverdueOn(DateOnly today) =>
        m => (m.State == MilestoneState.NotStarted || m.State == MilestoneState.InProgress) && m.DueOn < today;

    public static bool IsOverdue(Milestone milestone, DateOnly today) =>
        milestone.State is MilestoneState.NotStarted or MilestoneState.InProgress && milestone.DueOn < today;

    /// <summary>A commitment is overdue when one of its milestones is, or its end date has passed and it is not complete.</summary>
    public static Expression<Func<Commitment, bool>> CommitmentOverdueOn(DateOnly today) =>
        c => (c.Completion != Completion.Complete && c.EndsOn < today)
            || c.Milestones.Any(m => (m.State == MilestoneState.NotStarted || m.State == MilestoneState.InProgress) && m.DueOn < today);

    public static bool IsOverdue(Commitment commitment, DateOnly today) =>
        (commitment.Completion != Completion.Complete && commitment.EndsOn < today) || commitment.Milestones.Any(m => IsOverdue(m, today));

    /// <summary>
    /// The IRM's star: specific enough to verify (medium or high), relevant to at least one OGP value, of transformative
    /// potential impact, and substantially or completely done.
    /// </summary>
    public static bool IsStarred(Assessment assessment) =>
        assessment.Specificity is Specificity.Medium or Specificity.High
        && (assessment.AccessToInformation || assessment.CivicParticipation || assessment.PublicAccountability || assessment.TechnologyAndInnovation)
        && assessment.PotentialImpact == PotentialImpact.Transformative
        && assessment.Completion is Completion.Substantial or Completion.Complete;

    /// <summary>The assessment that stands: the latest by the day it was made, then by when it was recorded.</summary>
    public static Assessment? Latest(IEnumerable<Assessment> assessments) =>
        assessments.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).FirstOrDefault();

    /// <summary>How many commitments are at each completion level, every level present (zero where none are).</summary>
    public static IReadOnlyList<(Completion Level, int Count)> Rollup(IEnumerable<Completion> levels)
    {
        var counts = levels.CountBy(l => l).ToDictionary();
        return [.. Infrastructure.Codes.All<Completion>().Select(l => (l, counts.GetValueOrDefault(l)))];
    }

    internal static void RequirePeriod(DateOnly startsOn, DateOnly endsOn, string what) =>
        Require(endsOn >= startsOn, $"The {what}'s end date must be the same as or after its start date");

    internal static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RuleException(message);
        }
    }
}
