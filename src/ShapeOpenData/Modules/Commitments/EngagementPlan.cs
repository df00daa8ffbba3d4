using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// An organisation's engagement plan for a period, like the UK's Open Government National Action Plan 2016–18: the
/// commitments it holds are what the organisation promised to do in that time. Public from the day it is made.
/// </summary>
public sealed class EngagementPlan
{
    public const int SlugMaxLength = 80;
    public const int TitleMaxLength = 150;
    public const int SummaryMaxLength = 4_000;

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>What the plan is for and how it was made, in Markdown.</summary>
    public string Summary { get; private set; } = "";
    public int OrganisationId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private EngagementPlan() { }

    public static EngagementPlan Publish(string slug, PlanDetails details, DateTime now)
    {
        var plan = new EngagementPlan { Slug = slug, CreatedAt = now };
        plan.Change(details, now);
        return plan;
    }

    public void Change(PlanDetails details, DateTime now)
    {
        CommitmentRules.RequirePeriod(details.StartsOn, details.EndsOn, "plan");
        (Title, Summary, OrganisationId, StartsOn, EndsOn, UpdatedAt) =
            (details.Title.Trim(), details.Summary.Trim(), details.OrganisationId, details.StartsOn, details.EndsOn, now);
    }
}

public sealed record PlanDetails(string Title, string Summary, int OrganisationId, DateOnly StartsOn, DateOnly EndsOn);
