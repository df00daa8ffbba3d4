using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Jurisdiction;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Someone asked for data. The request carries its own rules: each method is one transition of the state
/// machine in DESIGN §4.2, refuses what is not allowed from the current state, moves the legal clock as the
/// rules say, and records a public event on the timeline.
/// </summary>
public sealed class DatasetRequest
{
    public const int TitleMaxLength = 120;
    public const string ServiceStandard = JurisdictionModule.ServiceStandard;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The title as compared for duplicates: trimmed, single-spaced, lower case.</summary>
    public string NormalizedTitle { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int? OrganisationId { get; private set; }
    public Organisations.Organisation? Organisation { get; private set; }
    public int? AssignedPublisherId { get; private set; }
    public List<RequestTheme> Themes { get; private set; } = [];
    public IntendedUse IntendedUse { get; private set; }
    public string? Benefits { get; private set; }
    public List<Barrier> Barriers { get; private set; } = [];

    /// <summary>The clock it runs on: <c>foi</c>, <c>eir</c>, <c>rpsi</c>, or <c>service</c> when not a formal request.</summary>
    public string RegimeCode { get; private set; } = ServiceStandard;
    public bool IsConfidential { get; private set; }
    public int? RequesterId { get; private set; }
    public ReceivedVia ReceivedVia { get; private set; }
    public int? RecordedById { get; private set; }

    /// <summary>Day 0 of the clock.</summary>
    public DateOnly ReceivedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public RequestState State { get; private set; }
    public RequestState? StateBeforePause { get; private set; }
    public DateOnly DueOn { get; private set; }
    public int? WorkingDaysLeftWhenPaused { get; private set; }
    public int ExtensionDays { get; private set; }
    public DateTime? FirstRespondedAt { get; private set; }

    /// <summary>When it was first given to an organisation to answer (the organisation named at first is only a suggestion).</summary>
    public DateTime? AssignedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    public Outcome? Outcome { get; private set; }
    public string? OutcomeUrl { get; private set; }

    /// <summary>The catalogue dataset that answers it, when released or already available.</summary>
    public int? DatasetId { get; private set; }
    public DateOnly? ExpectedOn { get; private set; }
    public RefusalReason? RefusalReason { get; private set; }
    public string? OutcomeExplanation { get; private set; }
    public string? ComplaintRoute { get; private set; }
    public int? DuplicateOfId { get; private set; }

    /// <summary>Kept equal to the number of support rows: changed only in the same transaction as them.</summary>
    public int SupportCount { get; private set; }

    /// <summary>Optimistic concurrency: two people acting on the same request at once cannot both win.</summary>
    public int Version { get; private set; }

    public List<RequestEvent> Events { get; private set; } = [];

    public bool IsOpen => State != RequestState.Closed;
    public bool IsPaused => State == RequestState.AwaitingRequester;
    public bool IsFormal => RegimeCode != ServiceStandard;

    public bool IsOverdue(DateOnly today) => IsOpen && !IsPaused && DueOn < today;

    private DatasetRequest() { }

    public static DatasetRequest Submit(NewRequest details, LegalRegime regime, WorkingDayCalendar calendar, int? actorId, DateTime now)
    {
        var request = new DatasetRequest
        {
            Title = details.Title.Trim(),
            NormalizedTitle = Normalise(details.Title),
            Description = details.Description.Trim(),
            OrganisationId = details.OrganisationId,
            Themes = [.. details.Themes.Distinct().Select(t => new RequestTheme { Theme = t })],
            IntendedUse = details.IntendedUse,
            Benefits = details.Benefits,
            Barriers = [.. details.Barriers.Distinct()],
            RegimeCode = regime.Code,
            IsConfidential = details.IsConfidential,
            RequesterId = details.RequesterId,
            ReceivedVia = details.ReceivedVia,
            RecordedById = details.ReceivedVia == ReceivedVia.Service ? null : actorId,
            ReceivedOn = details.ReceivedOn,
            CreatedAt = now,
            UpdatedAt = now,
            State = RequestState.Submitted,
            DueOn = regime.DueOn(calendar, details.ReceivedOn),
        };
        request.Record(RequestEventKind.Submitted, actorId, now, details.ReceivedVia == ReceivedVia.Service
            ? null
            : $"Received {details.ReceivedVia.ToText().ToLowerInvariant()} on {details.ReceivedOn:d MMMM yyyy} and recorded here.");
        return request;
    }

    public static string Normalise(string title) =>
        string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public RequestEvent Review(int? actorId, string? note, DateTime now)
    {
        Require(State == RequestState.Submitted, "Only a newly submitted request can be put under review");
        return MoveTo(RequestState.UnderReview, RequestEventKind.Reviewed, actorId, note, now);
    }

    public RequestEvent Assign(int organisationId, int? publisherId, string organisationName, int? actorId, string? note, DateTime now)
    {
        Require(IsOpen && !IsPaused, "A request can only be assigned while it is open and not waiting for the requester");
        OrganisationId = organisationId;
        AssignedPublisherId = publisherId;
        AssignedAt ??= now;
        return MoveTo(RequestState.Assigned, RequestEventKind.Assigned, actorId, Join($"Assigned to {organisationName}.", note), now);
    }

    public RequestEvent Start(int? actorId, string? note, DateTime now)
    {
        Require(State == RequestState.Assigned, "Work can only start on a request that has been assigned");
        return MoveTo(RequestState.InProgress, RequestEventKind.Started, actorId, note, now);
    }

    /// <summary>Asks the requester a question. The clock stops, keeping the working days that were left.</summary>
    public RequestEvent AskRequester(string question, WorkingDayCalendar calendar, DateOnly today, int? actorId, DateTime now)
    {
        Require(State is RequestState.UnderReview or RequestState.Assigned or RequestState.InProgress,
            "A question can only be asked while the request is under review, assigned or in progress");
        StateBeforePause = State;
        WorkingDaysLeftWhenPaused = calendar.WorkingDaysBetween(today, DueOn);
        return MoveTo(RequestState.AwaitingRequester, RequestEventKind.ClarificationRequested, actorId, question, now);
    }

    /// <summary>
    /// The requester's answer restarts the clock with the working days that were left when it stopped. A
    /// request that was already late stays late.
    /// </summary>
    public RequestEvent ReceiveClarification(string answer, WorkingDayCalendar calendar, DateOnly today, int? actorId, DateTime now)
    {
        Require(State == RequestState.AwaitingRequester, "There is no question waiting for an answer");
        if (WorkingDaysLeftWhenPaused is > 0 and var left)
        {
            DueOn = calendar.AddWorkingDays(today, left);
        }
        var resumeTo = StateBeforePause ?? RequestState.UnderReview;
        StateBeforePause = null;
        WorkingDaysLeftWhenPaused = null;
        return MoveTo(resumeTo, RequestEventKind.ClarificationReceived, actorId, answer, now);
    }

    /// <summary>Extends the deadline within what the regime allows; the reason is public.</summary>
    public RequestEvent Extend(int days, string reason, LegalRegime regime, WorkingDayCalendar calendar, int? actorId, DateTime now)
    {
        Require(IsOpen && !IsPaused, "A deadline can only be extended while the request is open and the clock is running");
        Require(days > 0, "An extension must be at least 1 day");
        if (regime.ExtensionLimit is { } limit && ExtensionDays + days > limit)
        {
            var left = limit - ExtensionDays;
            throw new RuleException(left <= 0
                ? $"The {regime.ShortName} extension limit of {limit} has already been used"
                : $"{regime.ShortName} allows at most {limit} more in all; {left} {(left == 1 ? "is" : "are")} left");
        }
        var before = DueOn;
        ExtensionDays += days;
        DueOn = regime.Add(calendar, DueOn, days);
        return MoveTo(State, RequestEventKind.Extended, actorId, Join($"Due date moved from {before:d MMMM yyyy} to {DueOn:d MMMM yyyy}.", reason), now);
    }

    /// <summary>Closes with an outcome; <paramref name="closing"/> carries what that outcome needs.</summary>
    public RequestEvent Close(Closing closing, string? complaintRoute, DateOnly today, int? actorId, DateTime now)
    {
        Require(IsOpen, "This request is already closed");
        switch (closing.Outcome)
        {
            case DatasetRequests.Outcome.Released or DatasetRequests.Outcome.AlreadyAvailable:
                Require(closing.DatasetId is not null || closing.Url is { IsAbsoluteUri: true, Scheme: "https" },
                    "Give the catalogue dataset, or the https address where the data is published");
                break;
            case DatasetRequests.Outcome.Scheduled:
                Require(closing.ExpectedOn is { } expected && expected >= today, "Give the date the data is expected, today or later");
                break;
            case DatasetRequests.Outcome.Refused:
                Require(closing.RefusalReason is not null, "Give the reason for refusing");
                Require(!string.IsNullOrWhiteSpace(closing.Explanation), "Explain why the request is refused");
                break;
            case DatasetRequests.Outcome.Duplicate:
                Require(closing.DuplicateOfId is { } other && other != Id, "Give the other request this one duplicates");
                break;
        }
        Outcome = closing.Outcome;
        OutcomeUrl = closing.DatasetId is null ? closing.Url?.ToString() : null;
        DatasetId = closing.Outcome is DatasetRequests.Outcome.Released or DatasetRequests.Outcome.AlreadyAvailable ? closing.DatasetId : null;
        ExpectedOn = closing.Outcome == DatasetRequests.Outcome.Scheduled ? closing.ExpectedOn : null;
        RefusalReason = closing.Outcome == DatasetRequests.Outcome.Refused ? closing.RefusalReason : null;
        OutcomeExplanation = string.IsNullOrWhiteSpace(closing.Explanation) ? null : closing.Explanation.Trim();
        ComplaintRoute = closing.Outcome == DatasetRequests.Outcome.Refused ? complaintRoute : null;
        DuplicateOfId = closing.Outcome == DatasetRequests.Outcome.Duplicate ? closing.DuplicateOfId : null;
        ClosedAt = now;
        StateBeforePause = null;
        WorkingDaysLeftWhenPaused = null;
        return MoveTo(RequestState.Closed, RequestEventKind.Closed, actorId, Join($"Outcome: {closing.Outcome.ToText()}.", OutcomeExplanation), now);
    }

    /// <summary>
    /// Re-opening is an explicit, recorded decision: the outcome is cleared and the clock starts again from
    /// today under the same regime.
    /// </summary>
    public RequestEvent Reopen(string reason, LegalRegime regime, WorkingDayCalendar calendar, DateOnly today, int? actorId, DateTime now)
    {
        Require(!IsOpen, "Only a closed request can be reopened");
        Outcome = null;
        OutcomeUrl = null;
        DatasetId = null;
        ExpectedOn = null;
        RefusalReason = null;
        OutcomeExplanation = null;
        ComplaintRoute = null;
        DuplicateOfId = null;
        ClosedAt = null;
        ExtensionDays = 0;
        DueOn = regime.DueOn(calendar, today);
        return MoveTo(AssignedAt is null ? RequestState.UnderReview : RequestState.InProgress, RequestEventKind.Reopened, actorId, reason, now);
    }

    /// <summary>
    /// A request closed with the address of data that the catalogue now holds is linked to the dataset, so its
    /// page and the dataset's page point at each other. Nothing else about the outcome changes.
    /// </summary>
    public RequestEvent LinkDataset(int datasetId, string datasetTitle, DateTime now)
    {
        Require(Outcome is DatasetRequests.Outcome.Released or DatasetRequests.Outcome.AlreadyAvailable, "Only a request answered with data can be linked to a dataset");
        DatasetId = datasetId;
        return MoveTo(State, RequestEventKind.DatasetLinked, null, $"The data is in the catalogue as \"{datasetTitle}\".", now);
    }

    /// <summary>True when a scheduled release date has passed without the request being closed as released.</summary>
    public bool ScheduledDatePassed(DateOnly today) =>
        State == RequestState.Closed && Outcome == DatasetRequests.Outcome.Scheduled && ExpectedOn < today;

    /// <summary>The first thing a publisher or the programme team does counts as the first response.</summary>
    public void MarkResponded(DateTime now) => FirstRespondedAt ??= now;

    private RequestEvent MoveTo(RequestState to, RequestEventKind kind, int? actorId, string? note, DateTime now)
    {
        State = to;
        UpdatedAt = now;
        Version++;
        return Record(kind, actorId, now, note);
    }

    private RequestEvent Record(RequestEventKind kind, int? actorId, DateTime now, string? note)
    {
        var recorded = new RequestEvent
        {
            Kind = kind, State = State, ActorId = actorId, At = now, DueOn = DueOn,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        Events.Add(recorded);
        return recorded;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RuleException(message);
        }
    }

    private static string? Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : $"{first} {second.Trim()}";
}
