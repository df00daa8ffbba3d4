using ShapeOpenData.Modules.Commitments;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Commitments;

/// <summary>The derived values, at their boundaries: overdue from the dates, starred from an assessment, and the completion roll-ups.</summary>
public sealed class CommitmentRulesTests
{
    private static readonly DateOnly Due = new(2027, 3, 3);
    private static readonly DateTime Now = new(2027, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Commitment Make(DateOnly endsOn) =>
        Commitment.Make(1, "UK-16-05", new CommitmentDetails("Open up the register", "We will.", 1, [], new DateOnly(2026, 1, 1), endsOn), Now);

    [Fact]
    public void AMilestone_IsOverdueFromTheDayAfterItsDueDate_UntilItIsMetOrNotMet()
    {
        var commitment = Make(new DateOnly(2027, 12, 31));
        var milestone = commitment.AddMilestone("Publish the first release", Due, Now);

        Assert.False(CommitmentRules.IsOverdue(milestone, Due));
        Assert.True(CommitmentRules.IsOverdue(milestone, Due.AddDays(1)));
        Assert.True(CommitmentRules.IsOverdue(commitment, Due.AddDays(1)));

        milestone.MoveTo(MilestoneState.InProgress, null, null, Due.AddDays(1));
        Assert.True(CommitmentRules.IsOverdue(milestone, Due.AddDays(1)));
        milestone.MoveTo(MilestoneState.Met, "https://www.gov.uk/register", Due.AddDays(1), Due.AddDays(1));
        Assert.False(CommitmentRules.IsOverdue(milestone, Due.AddDays(1)));
        milestone.MoveTo(MilestoneState.NotMet, null, null, Due.AddDays(1));
        Assert.False(CommitmentRules.IsOverdue(milestone, Due.AddDays(1)));
        Assert.False(CommitmentRules.IsOverdue(commitment, Due.AddDays(1)));
    }

    [Fact]
    public void TheQueryAndTheMemoryRule_AgreeOnEveryStateAndDay()
    {
        var query = CommitmentRules.MilestoneOverdueOn(Due).Compile();
        foreach (var state in ShapeOpenData.Infrastructure.Codes.All<MilestoneState>())
        {
            foreach (var due in new[] { Due.AddDays(-1), Due, Due.AddDays(1) })
            {
                var milestone = Make(Due).AddMilestone("Step", due, Now);
                milestone.MoveTo(state, "evidence", state == MilestoneState.Met ? Due : null, Due);
                Assert.Equal(CommitmentRules.IsOverdue(milestone, Due), query(milestone));
            }
        }
    }

    [Fact]
    public void ACommitment_IsOverdueAfterItsEndDate_UnlessComplete()
    {
        var commitment = Make(Due);

        Assert.False(CommitmentRules.IsOverdue(commitment, Due));
        Assert.True(CommitmentRules.IsOverdue(commitment, Due.AddDays(1)));
        commitment.MoveTo(Completion.Substantial, Now);
        Assert.True(CommitmentRules.IsOverdue(commitment, Due.AddDays(1)));
        commitment.MoveTo(Completion.Complete, Now);
        Assert.False(CommitmentRules.IsOverdue(commitment, Due.AddDays(1)));
    }

    [Fact]
    public void AMilestone_IsMetOnlyWithEvidenceAndADayNotInTheFuture()
    {
        var milestone = Make(Due).AddMilestone("Step", Due, Now);

        Assert.Equal("Give the evidence that the milestone was met: a link, or what shows it",
            Assert.Throws<RuleException>(() => milestone.MoveTo(MilestoneState.Met, "  ", Due, Due)).Message);
        Assert.Equal("Enter the date the milestone was met", Assert.Throws<RuleException>(() => milestone.MoveTo(MilestoneState.Met, "a link", null, Due)).Message);
        Assert.Equal("The date the milestone was met must be today or in the past",
            Assert.Throws<RuleException>(() => milestone.MoveTo(MilestoneState.Met, "a link", Due.AddDays(1), Due)).Message);
        Assert.Equal(MilestoneState.NotStarted, milestone.State);
    }

    private static Assessment Assess(
        Specificity specificity = Specificity.Medium, bool relevant = true, PotentialImpact impact = PotentialImpact.Transformative,
        Completion completion = Completion.Substantial) =>
        Assessment.Record(new AssessmentDetails(AssessmentKind.EndOfTerm, Due, specificity, relevant, false, false, false, impact, completion,
            OpenedGovernment.Major, "Reasons."), null, Now, Due);

    [Fact]
    public void Starred_NeedsSpecificRelevantTransformativeAndSubstantial_EachAtItsBoundary()
    {
        Assert.True(CommitmentRules.IsStarred(Assess()));
        Assert.True(CommitmentRules.IsStarred(Assess(specificity: Specificity.High, completion: Completion.Complete)));

        Assert.False(CommitmentRules.IsStarred(Assess(specificity: Specificity.Low)));
        Assert.False(CommitmentRules.IsStarred(Assess(relevant: false)));
        Assert.False(CommitmentRules.IsStarred(Assess(impact: PotentialImpact.Moderate)));
        Assert.False(CommitmentRules.IsStarred(Assess(completion: Completion.Limited)));
    }

    [Fact]
    public void AnEndOfTermAssessment_SaysWhetherItOpenedGovernment()
    {
        var refused = Assert.Throws<RuleException>(() => Assessment.Record(new AssessmentDetails(AssessmentKind.EndOfTerm, Due, Specificity.High,
            true, true, true, true, PotentialImpact.Minor, Completion.Complete, null, "Reasons."), null, Now, Due));

        Assert.Equal("Select whether it opened government: an end-of-term assessment says", refused.Message);
    }

    [Fact]
    public void TheRollup_CountsEveryLevel_ZeroWhereThereAreNone()
    {
        var rollup = CommitmentRules.Rollup([Completion.Complete, Completion.Limited, Completion.Complete]);

        Assert.Equal([(Completion.NotStarted, 0), (Completion.Limited, 1), (Completion.Substantial, 0), (Completion.Complete, 2)], rollup);
    }
}
