using ShapeOpenData.Modules.Shared;
namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// A meeting of a group, or a public event with no group. Times are kept in UTC with the time zone they were
/// set in, so calendars show them right on both sides of a change to or from summer time. The meeting keeps
/// its own rules: places up to its capacity, then a waiting list whose first person takes the next free place.
/// </summary>
public sealed partial class Meeting
{
    public const int TitleMaxLength = 200;
    public const int PlaceMaxLength = 500;
    public const int LinkMaxLength = 1_000;
    public const int AgendaMaxLength = 20_000;
    public const int MaxCapacity = 10_000;

    public int Id { get; private set; }

    /// <summary>The calendar UID: set once, never changed, whatever else changes.</summary>
    public Guid Uid { get; private set; }
    public int? GroupId { get; private set; }
    public Group? Group { get; private set; }
    public string Title { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }

    /// <summary>An IANA time zone, like <c>Europe/London</c>.</summary>
    public string TimeZone { get; private set; } = MeetingTimes.DefaultTimeZone;
    public string? Place { get; private set; }

    /// <summary>Shown only to people with a place.</summary>
    public string? OnlineLink { get; private set; }

    /// <summary>Markdown.</summary>
    public string Agenda { get; private set; } = "";

    /// <summary>Places; none means no limit.</summary>
    public int? Capacity { get; private set; }
    public MeetingState State { get; private set; }
    public string? CancellationReason { get; private set; }

    /// <summary>The iCalendar SEQUENCE: one more on every change people's calendars should pick up.</summary>
    public int Sequence { get; private set; }

    /// <summary>People there, counted by the secretariat after the meeting (registered or not).</summary>
    public int? AttendanceCount { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ReminderSentAt { get; private set; }

    /// <summary>Places taken, kept equal to the registered rows; with <see cref="Version"/> it stops overbooking.</summary>
    public int RegisteredCount { get; private set; }
    public int Version { get; private set; }

    public List<Registration> Registrations { get; private set; } = [];
    public List<MinutesVersion> Minutes { get; private set; } = [];
    public List<Decision> Decisions { get; private set; } = [];

    public bool IsFull => Capacity is { } places && RegisteredCount >= places;
    public bool HasStarted(DateTime now) => StartsAt <= now;
    public MinutesVersion? LatestMinutes => Minutes.MaxBy(m => m.Number);

    private Meeting() { }

    /// <param name="group">The group meeting, or null for a public event with no group.</param>
    public static Meeting Schedule(Group? group, MeetingDetails details, DateTime now)
    {
        Rules.Require(group is not { IsClosed: true }, "This group has closed");
        Rules.Require(details.StartsAt > now, "The meeting must start in the future");
        var meeting = new Meeting { Uid = Guid.NewGuid(), GroupId = group?.Id, State = MeetingState.Scheduled, CreatedAt = now };
        meeting.Apply(details, now);
        return meeting;
    }

    /// <summary>
    /// Changes the details; calendars see a new SEQUENCE. Fewer places never removes anyone already registered;
    /// more places go to the people waiting, in turn, who are returned (otherwise a newcomer would take them first).
    /// </summary>
    public IReadOnlyList<Registration> Change(MeetingDetails details, DateTime now)
    {
        Rules.Require(State == MeetingState.Scheduled, "Only a scheduled meeting can be changed");
        Rules.Require(details.Capacity is null || details.Capacity >= RegisteredCount,
            $"{RegisteredCount} people already have a place. Set at least {RegisteredCount} places, or leave it empty for no limit");
        Apply(details, now);
        Sequence++;
        var promoted = new List<Registration>();
        while (!IsFull && PromoteNext(now) is { } next)
        {
            promoted.Add(next);
        }
        return promoted;
    }

    public void Cancel(string reason, DateTime now)
    {
        Rules.Require(State == MeetingState.Scheduled, "Only a scheduled meeting can be cancelled");
        Rules.Require(!string.IsNullOrWhiteSpace(reason), "Say why the meeting is cancelled");
        State = MeetingState.Cancelled;
        CancellationReason = reason.Trim();
        Sequence++;
        Touch(now);
    }

    /// <summary>After the meeting: who came. The meeting is then held.</summary>
    public void RecordAttendance(int count, IReadOnlyCollection<int> attendedUserIds, DateTime now)
    {
        Rules.Require(State != MeetingState.Cancelled, "This meeting was cancelled");
        Rules.Require(HasStarted(now), "Attendance can be recorded once the meeting has started");
        Rules.Require(count >= attendedUserIds.Count, $"You ticked {attendedUserIds.Count} people, so at least {attendedUserIds.Count} attended");
        foreach (var registration in Registrations.Where(r => r.State == RegistrationState.Registered))
        {
            registration.Attended = attendedUserIds.Contains(registration.UserId);
        }
        AttendanceCount = count;
        MarkHeld(now);
    }

    /// <summary>
    /// Minutes are published once and never edited: a correction is a new version with a note saying what
    /// changed, and every version stays readable. Decisions come with the first version; a correction may add more.
    /// </summary>
    public MinutesVersion PublishMinutes(string text, string? note, IReadOnlyList<string> decisions, int? publisherId, DateTime now)
    {
        Rules.Require(State != MeetingState.Cancelled, "This meeting was cancelled, so it has no minutes");
        Rules.Require(HasStarted(now), "Minutes can be published once the meeting has taken place");
        Rules.Require(!string.IsNullOrWhiteSpace(text), "Enter the minutes");
        Rules.Require(Minutes.Count == 0 || !string.IsNullOrWhiteSpace(note), "Say what this correction changes");
        var version = new MinutesVersion
        {
            Number = Minutes.Count + 1, Text = text.Trim(), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            PublishedAt = now, PublishedById = publisherId,
        };
        Minutes.Add(version);
        foreach (var decision in decisions.Where(d => !string.IsNullOrWhiteSpace(d)))
        {
            Decisions.Add(new Decision { Number = Decisions.Count + 1, Text = decision.Trim(), MinutesVersion = version.Number, RecordedAt = now });
        }
        MarkHeld(now);
        return version;
    }

    /// <summary>A place if one is free, otherwise the end of the waiting list. Registering twice changes nothing.</summary>
    public Registration Register(int userId, DateTime now)
    {
        Rules.Require(State == MeetingState.Scheduled, "Registration is closed: this meeting is not going ahead");
        Rules.Require(EndsAt > now, "This meeting has already happened");
        var registration = Registrations.SingleOrDefault(r => r.UserId == userId);
        if (registration is { IsCurrent: true })
        {
            return registration;
        }
        if (registration is null)
        {
            registration = new Registration { UserId = userId };
            Registrations.Add(registration);
        }
        registration.JoinedQueueAt = now;
        registration.CancelledAt = null;
        registration.PromotedAt = null;
        registration.State = IsFull ? RegistrationState.Waiting : RegistrationState.Registered;
        if (registration.State == RegistrationState.Registered)
        {
            RegisteredCount++;
        }
        Version++;
        return registration;
    }

    /// <summary>Gives up a place or leaves the waiting list; a freed place goes to the first person waiting, who is returned.</summary>
    public Registration? CancelRegistration(int userId, DateTime now)
    {
        var registration = Registrations.SingleOrDefault(r => r.UserId == userId && r.IsCurrent)
            ?? throw new RuleException("You are not registered for this meeting");
        var hadPlace = registration.State == RegistrationState.Registered;
        registration.State = RegistrationState.Cancelled;
        registration.CancelledAt = now;
        Version++;
        if (!hadPlace)
        {
            return null;
        }
        RegisteredCount--;
        if (State != MeetingState.Scheduled || IsFull)
        {
            return null;
        }
        return PromoteNext(now);
    }

    /// <summary>
    /// Takes a person off the meeting altogether, as when their account is deleted. A place they hold at a meeting still
    /// to come is freed as on a cancellation, and the first person waiting, who takes it, is returned; at one that has
    /// happened, the count of places taken stays equal to the people registered.
    /// </summary>
    public Registration? Forget(int userId, DateTime now)
    {
        if (Registrations.SingleOrDefault(r => r.UserId == userId) is not { } registration)
        {
            return null;
        }
        Registration? promoted = null;
        if (registration.IsCurrent && EndsAt > now)
        {
            promoted = CancelRegistration(userId, now);
        }
        else if (registration.State == RegistrationState.Registered)
        {
            RegisteredCount--;
            Version++;
        }
        Registrations.Remove(registration);
        return promoted;
    }

    /// <summary>The first person on the waiting list takes a free place.</summary>
    private Registration? PromoteNext(DateTime now)
    {
        var next = Registrations.Where(r => r.State == RegistrationState.Waiting).OrderBy(r => r.JoinedQueueAt).ThenBy(r => r.Id).FirstOrDefault();
        if (next is not null)
        {
            next.State = RegistrationState.Registered;
            next.PromotedAt = now;
            RegisteredCount++;
        }
        return next;
    }

    public void MarkReminded(DateTime now) => ReminderSentAt = now;

    private void MarkHeld(DateTime now)
    {
        if (State != MeetingState.Held)
        {
            State = MeetingState.Held;
            Sequence++;
        }
        Touch(now);
    }

    private void Apply(MeetingDetails details, DateTime now)
    {
        Rules.Require(details.EndsAt > details.StartsAt, "The meeting must end after it starts");
        Rules.Require(details.Place is not null || details.OnlineLink is not null, "Enter a place, an online link, or both");
        Title = details.Title.Trim();
        StartsAt = details.StartsAt;
        EndsAt = details.EndsAt;
        TimeZone = details.TimeZone;
        Place = details.Place;
        OnlineLink = details.OnlineLink;
        Agenda = details.Agenda.Trim();
        Capacity = details.Capacity;
        if (ReminderSentAt is not null && StartsAt > now)
        {
            ReminderSentAt = null;  // moved: remind again the day before the new date
        }
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

}
