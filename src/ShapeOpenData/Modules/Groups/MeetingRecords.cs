using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Groups;

/// <param name="StartsAt">UTC.</param>
/// <param name="EndsAt">UTC.</param>
/// <param name="TimeZone">The IANA zone the times were given in.</param>
public sealed record MeetingDetails(
    string Title, DateTime StartsAt, DateTime EndsAt, string TimeZone, string? Place, string? OnlineLink, string Agenda, int? Capacity);

/// <summary>Someone's place at a meeting, or their place in the queue for one.</summary>
public sealed class Registration
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int UserId { get; set; }
    public RegistrationState State { get; set; }

    /// <summary>When they last registered: the waiting list is served in this order.</summary>
    public DateTime JoinedQueueAt { get; set; }
    public DateTime? PromotedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public bool Attended { get; set; }

    public bool IsCurrent => State is RegistrationState.Registered or RegistrationState.Waiting;
}

/// <summary>One published version of a meeting's minutes. Never changed once saved.</summary>
public sealed partial class MinutesVersion
{
    public const int TextMaxLength = 50_000;
    public const int NoteMaxLength = 1_000;

    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Number { get; set; }

    /// <summary>Markdown.</summary>
    public string Text { get; set; } = "";

    /// <summary>What a correction changed; none on the first version.</summary>
    public string? Note { get; set; }
    public DateTime PublishedAt { get; set; }
    public int? PublishedById { get; set; }
}

/// <summary>Something the meeting decided, numbered within the meeting.</summary>
public sealed class Decision
{
    public const int TextMaxLength = 2_000;

    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";

    /// <summary>The minutes version that recorded it.</summary>
    public int MinutesVersion { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum MeetingState
{
    [Display(Name = "Scheduled")] Scheduled,
    [Display(Name = "Cancelled")] Cancelled,
    [Display(Name = "Held")] Held,
}

public enum RegistrationState
{
    [Display(Name = "Registered")] Registered,
    [Display(Name = "On the waiting list")] Waiting,
    [Display(Name = "Cancelled")] Cancelled,
}
