using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Commitments;

/// <summary>
/// A dated step of a commitment. Met only with evidence (a link, or a description of what shows it) and the day it
/// was met; its lead organisation's publishers are reminded before it falls due.
/// </summary>
public sealed class Milestone
{
    public const int TitleMaxLength = 300;
    public const int EvidenceMaxLength = 1_000;

    public int Id { get; private set; }
    public int CommitmentId { get; private set; }

    /// <summary>1, 2, 3… within its commitment, in the order they were added.</summary>
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public MilestoneState State { get; private set; }

    /// <summary>A web address, or a description of the document or attachment that shows it was met.</summary>
    public string? Evidence { get; private set; }
    public DateOnly? MetOn { get; private set; }
    public DateTime? ReminderSentAt { get; private set; }

    private Milestone() { }

    internal static Milestone Plan(int number, string title, DateOnly dueOn) =>
        new() { Number = number, Title = title.Trim(), DueOn = dueOn, State = MilestoneState.NotStarted };

    /// <summary>The title and due date; moving the date again reminds again.</summary>
    public void Change(string title, DateOnly dueOn)
    {
        if (dueOn != DueOn)
        {
            ReminderSentAt = null;
        }
        (Title, DueOn) = (title.Trim(), dueOn);
    }

    /// <summary>A new state: met needs evidence and the day; the others keep any evidence given as a note of progress.</summary>
    public void MoveTo(MilestoneState state, string? evidence, DateOnly? metOn, DateOnly today)
    {
        var text = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        if (state == MilestoneState.Met)
        {
            CommitmentRules.Require(text is not null, "Give the evidence that the milestone was met: a link, or what shows it");
            CommitmentRules.Require(metOn is not null, "Enter the date the milestone was met");
            CommitmentRules.Require(metOn <= today, "The date the milestone was met must be today or in the past");
        }
        (State, Evidence, MetOn) = (state, text, state == MilestoneState.Met ? metOn : null);
    }

    public void MarkReminded(DateTime now) => ReminderSentAt = now;
}

public enum MilestoneState
{
    [Display(Name = "Not started")] NotStarted,
    [Display(Name = "In progress")] InProgress,
    [Display(Name = "Met")] Met,
    [Display(Name = "Not met")] NotMet,
}
