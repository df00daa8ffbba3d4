using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>What a team says about its project when it starts an assessment.</summary>
public sealed record AssessmentDetails(string ProjectName, string Description, int? OrganisationId);

/// <summary>
/// A data project's self-assessment against the Data Ethics Framework (DESIGN §4.8): its team, and the project
/// assessed at each stage, again and again. Private to the team until a member publishes it; the team may take it
/// back (unpublish). The team never loses its last member. Changes to the team need <see cref="Team"/> loaded.
/// </summary>
public sealed class EthicsAssessment
{
    public const int ProjectNameMaxLength = 150;
    public const int DescriptionMaxLength = 5_000;

    public int Id { get; private set; }

    /// <summary>Stable and used in addresses: <c>/ethics-assessments/school-transport-routing</c>.</summary>
    public string Slug { get; private set; } = "";
    public string ProjectName { get; private set; } = "";

    /// <summary>What the project does and for whom, in Markdown.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The organisation running the project, if the team names one.</summary>
    public int? OrganisationId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the team published it; null while it is private to the team.</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>Bumped by every change, so two members changing the team at the same moment cannot both win (nor empty it).</summary>
    public int Version { get; private set; }

    public List<TeamMember> Team { get; private set; } = [];

    public bool IsPublished => PublishedAt is not null;

    private EthicsAssessment() { }

    /// <summary>A new, private assessment whose team is, at first, the person who starts it.</summary>
    public static EthicsAssessment Start(string slug, AssessmentDetails details, int starterId, DateTime now)
    {
        var assessment = new EthicsAssessment
        {
            Slug = slug, ProjectName = details.ProjectName, Description = details.Description, OrganisationId = details.OrganisationId,
            CreatedAt = now, UpdatedAt = now,
        };
        assessment.Team.Add(TeamMember.Of(0, starterId, now));
        return assessment;
    }

    public bool HasMember(int? userId) => userId is { } id && Team.Any(m => m.UserId == id);

    /// <summary>Someone with an account joins the team.</summary>
    public TeamMember AddMember(int userId, DateTime now)
    {
        Require(!HasMember(userId), "That person is already in the team");
        var member = TeamMember.Of(Id, userId, now);
        Team.Add(member);
        Touch(now);
        return member;
    }

    /// <summary>Someone leaves the team, or is removed by another member; the last member always stays.</summary>
    public TeamMember RemoveMember(int userId, DateTime now)
    {
        var member = Team.SingleOrDefault(m => m.UserId == userId) ?? throw new RuleException("That person is not in the team");
        Require(Team.Count > 1, "The team must keep at least one member. Add someone else before removing this person");
        Team.Remove(member);
        Touch(now);
        return member;
    }

    /// <summary>The project assessed at a stage, on a day that has come: a new record, whatever was said before.</summary>
    public StageAssessment Assess(ProjectStage stage, DateOnly assessedOn, IReadOnlyList<ItemAnswer> answers, int? assessedById, DateOnly today, DateTime now)
    {
        Require(assessedOn <= today, "The date of the assessment must be today or in the past");
        Touch(now);
        return StageAssessment.Record(Id, stage, assessedOn, answers, assessedById, now);
    }

    /// <summary>Everyone may now read it, export it and find it in the API.</summary>
    public void Publish(DateTime now)
    {
        Require(!IsPublished, "This assessment is already published");
        PublishedAt = now;
        Touch(now);
    }

    /// <summary>Back to the team only.</summary>
    public void Unpublish(DateTime now)
    {
        Require(IsPublished, "This assessment is not published");
        PublishedAt = null;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RuleException(message);
        }
    }
}
