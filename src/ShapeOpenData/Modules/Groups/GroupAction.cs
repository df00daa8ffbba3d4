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

    public int Id { get; private set; }
    public int GroupId { get; private set; }
    public Group? Group { get; private set; }

    /// <summary>The meeting that agreed it, if any.</summary>
    public int? MeetingId { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>A member who owns it, or else <see cref="OwnerOrganisationId"/>.</summary>
    public int? OwnerUserId { get; private set; }
    public int? OwnerOrganisationId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public ActionState State { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ReminderSentAt { get; private set; }
    public List<ActionRequest> Requests { get; private set; } = [];

    public bool IsOverdue(DateOnly today) => State == ActionState.Open && DueOn < today;

    private GroupAction() { }

    /// <summary>An open action, owned by exactly one of a member or an organisation.</summary>
    /// <param name="requestIds">The dataset requests it serves; each is linked once.</param>
    public static GroupAction Record(
        int groupId, int? meetingId, string text, int? ownerUserId, int? ownerOrganisationId, DateOnly dueOn, IEnumerable<int> requestIds, DateTime now)
    {
        Rules.Require((ownerUserId is null) != (ownerOrganisationId is null), "Choose a member or an organisation to own the action");
        return new GroupAction
        {
            GroupId = groupId, MeetingId = meetingId, Text = text.Trim(), OwnerUserId = ownerUserId, OwnerOrganisationId = ownerOrganisationId,
            DueOn = dueOn, State = ActionState.Open, CreatedAt = now, UpdatedAt = now,
            Requests = [.. requestIds.Distinct().Select(r => new ActionRequest { RequestId = r })],
        };
    }

    /// <summary>Done, with a note saying what was done.</summary>
    public void MarkDone(string? note, DateTime now)
    {
        Rules.Require(!string.IsNullOrWhiteSpace(note), "Say what was done");
        MoveTo(ActionState.Done, note, now);
    }

    /// <summary>Dropped, with a note saying why.</summary>
    public void Drop(string? note, DateTime now)
    {
        Rules.Require(!string.IsNullOrWhiteSpace(note), "Say why the action was dropped");
        MoveTo(ActionState.Dropped, note, now);
    }

    /// <summary>Open again; a note is optional (without one, the old note goes).</summary>
    public void Reopen(string? note, DateTime now) => MoveTo(ActionState.Open, note, now);

    /// <summary>The owner was reminded that it falls due; they are reminded once.</summary>
    public void MarkReminded(DateTime now) => ReminderSentAt = now;

    private void MoveTo(ActionState state, string? note, DateTime now)
    {
        State = state;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        UpdatedAt = now;
    }
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
