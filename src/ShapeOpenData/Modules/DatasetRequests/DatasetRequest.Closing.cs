using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Jurisdiction;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>The end of a request's life and what may follow it: closing with an outcome, withdrawing, reopening, and
/// linking the data once the catalogue holds it.</summary>
public sealed partial class DatasetRequest
{
    /// <summary>Closes with an outcome; <paramref name="closing"/> carries what that outcome needs.</summary>
    public RequestEvent Close(Closing closing, string? complaintRoute, DateOnly today, int? actorId, DateTime now)
    {
        Limit(closing.Explanation, ExplanationMaxLength, "explanation", "The explanation");
        // Everyone sees the address as a link, so it must be one that only opens a web page, whatever the outcome.
        if (closing.Url is not null && (closing.Url is not { IsAbsoluteUri: true, Scheme: "https" } || closing.Url.ToString().Length > OutcomeUrlMaxLength))
        {
            throw new FieldRuleException("url", $"Give the full https address of the data, in {OutcomeUrlMaxLength} characters or fewer");
        }
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
        OutcomeUrl = closing.Outcome is DatasetRequests.Outcome.Released or DatasetRequests.Outcome.AlreadyAvailable && closing.DatasetId is null
            ? closing.Url?.ToString() : null;
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

    /// <summary>Only the requester withdraws; the reason, if they give one, is public.</summary>
    public RequestEvent Withdraw(string? reason, DateOnly today, int? actorId, DateTime now) =>
        Close(new Closing(DatasetRequests.Outcome.Withdrawn, Explanation: Limit(reason, ReasonMaxLength, "reason", "The reason")), null, today, actorId, now);

    /// <summary>
    /// Re-opening is an explicit, recorded decision: the outcome is cleared and the clock starts again from
    /// today under the same regime.
    /// </summary>
    public RequestEvent Reopen(string reason, LegalRegime regime, WorkingDayCalendar calendar, DateOnly today, int? actorId, DateTime now)
    {
        Limit(reason, ReasonMaxLength, "reason", "The reason");
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
}
