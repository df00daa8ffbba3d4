namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>A person in the team of an assessment: they see it while it is private, assess it, manage the team and publish it.</summary>
public sealed class TeamMember
{
    public int Id { get; private set; }
    public int AssessmentId { get; private set; }
    public int UserId { get; private set; }
    public DateTime AddedAt { get; private set; }

    private TeamMember() { }

    internal static TeamMember Of(int assessmentId, int userId, DateTime now) => new() { AssessmentId = assessmentId, UserId = userId, AddedAt = now };
}
