using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>What the ethics assessments API and the JSON export answer with.</summary>
public static partial class EthicsAssessmentsApi
{
    /// <param name="Organisation">The slug of the organisation running the project, if the team named one.</param>
    /// <param name="StagesAssessed">The codes of the stages assessed so far, in order: start, development, live, review.</param>
    public sealed record EthicsAssessmentListItem(
        string Slug, string ProjectName, string? Organisation, string? OrganisationName, DateTime? PublishedAt, IReadOnlyList<string> StagesAssessed, string Url);

    /// <param name="Description">What the project does and for whom, in Markdown.</param>
    /// <param name="PublishedAt">Null while the assessment is private to its team (only the team sees it then).</param>
    /// <param name="Scale">What the scores mean.</param>
    /// <param name="Latest">The latest assessment of each stage assessed, in the order of the stages: what the chart shows.</param>
    /// <param name="History">Every assessment recorded, newest first. None is ever changed.</param>
    public sealed record EthicsAssessmentDetail(
        string Slug, string ProjectName, string Description, string? Organisation, string? OrganisationName, DateTime CreatedAt, DateTime? PublishedAt,
        string Scale, IReadOnlyList<StageResponse> Latest, IReadOnlyList<StageResponse> History, string Url)
    {
        public static EthicsAssessmentDetail Of(AssessmentReport report)
        {
            var a = report.Assessment;
            return new EthicsAssessmentDetail(a.Slug, a.ProjectName, a.Description, report.OrganisationSlug, report.OrganisationName, a.CreatedAt, a.PublishedAt,
                $"Each score is from {EthicsFramework.MinScore} to {EthicsFramework.MaxScore}: {EthicsFramework.ScaleExplained}.",
                [.. report.Latest.Select(StageResponse.Of)], [.. report.History.Select(StageResponse.Of)], EthicsAssessmentWorkflow.UrlOf(a.Slug));
        }
    }

    /// <param name="Stage">start, development, live or review.</param>
    /// <param name="AssessedOn">The day the team assessed the project (UK date).</param>
    /// <param name="AssessedBy">The public name of the team member who recorded it.</param>
    public sealed record StageResponse(int Id, string Stage, string StageName, DateOnly AssessedOn, DateTime RecordedAt, string AssessedBy, IReadOnlyList<ScoreResponse> Scores)
    {
        public static StageResponse Of(StageRecord s) => new(s.Id, s.Stage.ToCode(), s.Stage.ToText(), s.AssessedOn, s.RecordedAt, s.AssessedBy,
            [.. s.Scores.Select(i => new ScoreResponse(i.Item.ToCode(), i.Item.ToText(), EthicsFramework.IsPrinciple(i.Item) ? "principle" : "action", i.Score, i.Notes))]);
    }

    /// <param name="Item">transparency, accountability, fairness, public_benefit, diverse_expertise, law, data_quality or wider_policy.</param>
    /// <param name="Kind">principle (the three overarching principles) or action (the five actions).</param>
    /// <param name="Score">From 0 (not yet considered) to 5 (fully met).</param>
    public sealed record ScoreResponse(string Item, string ItemName, string Kind, int Score, string? Notes);
}
