using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>Where a request is. Stored and shown in the API as its code (<c>under_review</c>).</summary>
public enum RequestState
{
    [Display(Name = "Submitted")] Submitted,
    [Display(Name = "Under review")] UnderReview,
    [Display(Name = "Assigned")] Assigned,
    [Display(Name = "In progress")] InProgress,
    [Display(Name = "Waiting for the requester")] AwaitingRequester,
    [Display(Name = "Closed")] Closed,
}

/// <summary>How a closed request ended.</summary>
public enum Outcome
{
    [Display(Name = "Data released")] Released,
    [Display(Name = "Already available")] AlreadyAvailable,
    [Display(Name = "Release scheduled")] Scheduled,
    [Display(Name = "Refused")] Refused,
    [Display(Name = "Data not held")] NotHeld,
    [Display(Name = "Duplicate")] Duplicate,
    [Display(Name = "Withdrawn by the requester")] Withdrawn,
    [Display(Name = "Not a data request")] NotADataRequest,
}

public enum RefusalReason
{
    [Display(Name = "An exemption applies")] Exemption,
    [Display(Name = "It would cost more than the cost limit")] CostLimit,
    [Display(Name = "It is personal data")] PersonalData,
    [Display(Name = "It is commercially confidential")] CommercialConfidentiality,
    [Display(Name = "Another reason")] Other,
}

public enum IntendedUse
{
    [Display(Name = "Running or starting a business")] Business,
    [Display(Name = "Research")] Research,
    [Display(Name = "Community or charity work")] Community,
    [Display(Name = "Journalism")] Journalism,
    [Display(Name = "Personal use")] Personal,
    [Display(Name = "Something else")] Other,
}

/// <summary>What has stopped the requester getting the data so far.</summary>
public enum Barrier
{
    [Display(Name = "It is not published")] NotPublished,
    [Display(Name = "The link is broken")] BrokenLink,
    [Display(Name = "The licence is too restrictive")] RestrictiveLicence,
    [Display(Name = "There is a charge")] Charges,
    [Display(Name = "The format is hard to use")] UnusableFormat,
    [Display(Name = "It is out of date")] OutOfDate,
    [Display(Name = "Something else")] Other,
}

public enum ReceivedVia
{
    [Display(Name = "Through this service")] Service,
    [Display(Name = "By email")] Email,
    [Display(Name = "By post")] Post,
}

/// <summary>What happened to a request, as shown on its timeline.</summary>
public enum RequestEventKind
{
    [Display(Name = "Request submitted")] Submitted,
    [Display(Name = "Review started")] Reviewed,
    [Display(Name = "Assigned")] Assigned,
    [Display(Name = "Work started")] Started,
    [Display(Name = "Question for the requester")] ClarificationRequested,
    [Display(Name = "Requester answered")] ClarificationReceived,
    [Display(Name = "Deadline extended")] Extended,
    [Display(Name = "Closed")] Closed,
    [Display(Name = "Reopened")] Reopened,
    [Display(Name = "Data found in the catalogue")] DatasetLinked,
}
