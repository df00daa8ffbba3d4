using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// Something a group agreed someone would do: owned by a member or an organisation, due on a day, and done or
/// dropped with a note saying what came of it. It may serve dataset requests, which link back to it.
/// </summary>
public sealed class GroupAction
{
    public const int TextMaxLength = 1_000;
    public const int NoteMaxLength = 2_000;

    public int Id { get; set; }
    public int GroupId { get; set; }
    public Group? Group { get; set; }

    /// <summary>The meeting that agreed it, if any.</summary>
    public int? MeetingId { get; set; }
    public string Text { get; set; } = "";

    /// <summary>A member who owns it, or else <see cref="OwnerOrganisationId"/>.</summary>
    public int? OwnerUserId { get; set; }
    public int? OwnerOrganisationId { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionState State { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ReminderSentAt { get; set; }
    public List<ActionRequest> Requests { get; set; } = [];

    public bool IsOverdue(DateOnly today) => State == ActionState.Open && DueOn < today;
}

/// <summary>A dataset request an action serves.</summary>
public sealed class ActionRequest
{
    public int ActionId { get; set; }
    public int RequestId { get; set; }
}

public enum ActionState
{
    [Display(Name = "Open")] Open,
    [Display(Name = "Done")] Done,
    [Display(Name = "Dropped")] Dropped,
}
