using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// A promise in an engagement plan: what will be done, by which organisation (with others supporting), between which
/// dates, in milestones, with dated progress updates and its completion as its lead organisation judges it. Whether it
/// is overdue is never typed: <see cref="CommitmentRules"/> works it out from the dates.
/// </summary>
public sealed partial class Commitment
{
    public const int ReferenceMaxLength = 20;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;

    public int Id { get; private set; }
    public int PlanId { get; private set; }

    /// <summary>How people name it, like <c>UK-16-05</c>: upper-case letters, digits and hyphens, unique in the service.</summary>
    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>What will be done and why, in Markdown.</summary>
    public string Description { get; private set; } = "";
    public int LeadOrganisationId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public Completion Completion { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public List<CommitmentSupporter> Supporters { get; private set; } = [];
    public List<Milestone> Milestones { get; private set; } = [];
    public List<ProgressUpdate> Updates { get; private set; } = [];
    public List<Assessment> Assessments { get; private set; } = [];

    private Commitment() { }

    public static Commitment Make(int planId, string reference, CommitmentDetails details, DateTime now)
    {
        var commitment = new Commitment { PlanId = planId, Reference = reference, Completion = Completion.NotStarted, CreatedAt = now };
        commitment.Change(details, now);
        return commitment;
    }

    /// <summary>The details, the supporting organisations among them (the lead is never also a supporter).</summary>
    public void Change(CommitmentDetails details, DateTime now)
    {
        CommitmentRules.RequirePeriod(details.StartsOn, details.EndsOn, "commitment");
        (Title, Description, LeadOrganisationId, StartsOn, EndsOn, UpdatedAt) =
            (details.Title.Trim(), details.Description.Trim(), details.LeadOrganisationId, details.StartsOn, details.EndsOn, now);
        var wanted = details.SupportingOrganisationIds.Where(id => id != LeadOrganisationId).ToHashSet();
        Supporters.RemoveAll(s => !wanted.Contains(s.OrganisationId));
        Supporters.AddRange(wanted.Where(id => Supporters.All(s => s.OrganisationId != id)).Select(id => new CommitmentSupporter { OrganisationId = id }));
    }

    /// <summary>How far it has got, as its lead organisation judges it; returns whether that changed.</summary>
    public bool MoveTo(Completion completion, DateTime now)
    {
        if (completion == Completion)
        {
            return false;
        }
        (Completion, UpdatedAt) = (completion, now);
        return true;
    }

    public Milestone AddMilestone(string title, DateOnly dueOn, DateTime now)
    {
        var milestone = Milestone.Plan(Milestones.Count == 0 ? 1 : Milestones.Max(m => m.Number) + 1, title, dueOn);
        Milestones.Add(milestone);
        UpdatedAt = now;
        return milestone;
    }
}

public sealed record CommitmentDetails(
    string Title, string Description, int LeadOrganisationId, IReadOnlyCollection<int> SupportingOrganisationIds, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>An organisation that supports a commitment its lead organisation owns.</summary>
public sealed class CommitmentSupporter
{
    public int CommitmentId { get; set; }
    public int OrganisationId { get; set; }
}

/// <summary>The completion levels of the OGP Independent Reporting Mechanism, for the lead organisation and for assessors alike.</summary>
public enum Completion
{
    [Display(Name = "Not started")] NotStarted,
    [Display(Name = "Limited")] Limited,
    [Display(Name = "Substantial")] Substantial,
    [Display(Name = "Complete")] Complete,
}
