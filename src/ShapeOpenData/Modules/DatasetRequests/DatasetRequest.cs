using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Jurisdiction;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Someone asked for data. The request carries its own rules: each method is one transition of the state
/// machine in DESIGN §4.2, refuses what is not allowed from the current state, moves the legal clock as the
/// rules say, and records a public event on the timeline.
/// </summary>
public sealed partial class DatasetRequest
{
    // Each text has one limit, kept here: the forms check the same numbers, and the database is not relied on
    // (SQLite ignores lengths). Text goes into pages, feeds and every follower's email.
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 10_000;
    public const int BenefitsMaxLength = 2_000;

    /// <summary>The public note with a review, an assignment or the start of work.</summary>
    public const int NoteMaxLength = 2_000;
    public const int QuestionMaxLength = 2_000;
    public const int AnswerMaxLength = 5_000;

    /// <summary>The reason for an extension, a reopening or a withdrawal.</summary>
    public const int ReasonMaxLength = 2_000;
    public const int ExplanationMaxLength = 5_000;
    public const int OutcomeUrlMaxLength = 2_000;
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

    /// <summary>
    /// Hidden by a moderator: its page, number, state and clock stay, but its words are shown only to the requester,
    /// moderators and the organisation answering it. Never held for approval (see <see cref="RequestWorkflow.SubmitAsync"/>).
    /// </summary>
    public ModerationState Moderation { get; private set; } = new();

    public bool IsOpen => State != RequestState.Closed;
    public bool IsPaused => State == RequestState.AwaitingRequester;
    public bool IsFormal => RegimeCode != ServiceStandard;

    public bool IsOverdue(DateOnly today) => IsOpen && !IsPaused && DueOn < today;

    private DatasetRequest() { }

    public static DatasetRequest Submit(NewRequest details, LegalRegime regime, WorkingDayCalendar calendar, int? actorId, DateTime now)
    {
        Limit(details.Title, TitleMaxLength, "title", "The title");
        Limit(details.Description, DescriptionMaxLength, "description", "The description");
        Limit(details.Benefits, BenefitsMaxLength, "benefits", "The benefits");
        // With no requester's account and no organisation, nobody outside the programme team could see or answer it.
        if (details.IsConfidential && details.ReceivedVia != ReceivedVia.Service && details.OrganisationId is null)
        {
            throw new FieldRuleException("organisation", RecordedPrivateNeedsOrganisation);
        }
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

    public const string RecordedPrivateNeedsOrganisation =
        "Select the organisation that holds the data: a private request recorded for someone else must be with an organisation that can answer it";

    public static string Normalise(string title) =>
        string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public RequestEvent Review(int? actorId, string? note, DateTime now)
    {
        note = Limit(note, NoteMaxLength, "note", "The note");
        Require(State == RequestState.Submitted, "Only a newly submitted request can be put under review");
        return MoveTo(RequestState.UnderReview, RequestEventKind.Reviewed, actorId, note, now);
    }

    public RequestEvent Assign(int organisationId, int? publisherId, string organisationName, int? actorId, string? note, DateTime now)
    {
        note = Limit(note, NoteMaxLength, "note", "The note");
        Require(IsOpen && !IsPaused, "A request can only be assigned while it is open and not waiting for the requester");
        OrganisationId = organisationId;
        AssignedPublisherId = publisherId;
        AssignedAt ??= now;
        return MoveTo(RequestState.Assigned, RequestEventKind.Assigned, actorId, Join($"Assigned to {organisationName}.", note), now);
    }

    public RequestEvent Start(int? actorId, string? note, DateTime now)
    {
        note = Limit(note, NoteMaxLength, "note", "The note");
        Require(State == RequestState.Assigned, "Work can only start on a request that has been assigned");
        return MoveTo(RequestState.InProgress, RequestEventKind.Started, actorId, note, now);
    }

    /// <summary>Asks the requester a question. The clock stops, keeping the working days that were left.</summary>
    public RequestEvent AskRequester(string question, WorkingDayCalendar calendar, DateOnly today, int? actorId, DateTime now)
    {
        Limit(question, QuestionMaxLength, "question", "The question");
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
        Limit(answer, AnswerMaxLength, "answer", "Your answer");
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
        Limit(reason, ReasonMaxLength, "reason", "The reason");
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

    /// <param name="field">The text's name in the API, which names it in a refusal.</param>
    private static string? Limit(string? text, int maxLength, string field, string name) => FieldRuleException.Limit(text, maxLength, field, name);

    private static string? Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : $"{first} {second.Trim()}";
}
