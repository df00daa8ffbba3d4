using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>What a new request says, checked by the form or API that gathered it.</summary>
public sealed record NewRequest(
    string Title, string Description, int? OrganisationId, IReadOnlyList<Theme> Themes, IntendedUse IntendedUse,
    string? Benefits, IReadOnlyList<Barrier> Barriers, bool IsConfidential, int? RequesterId, ReceivedVia ReceivedVia, DateOnly ReceivedOn);

/// <summary>How a request is closed, with the fields its outcome needs.</summary>
public sealed record Closing(
    Outcome Outcome, Uri? Url = null, DateOnly? ExpectedOn = null, RefusalReason? RefusalReason = null,
    string? Explanation = null, int? DuplicateOfId = null, int? DatasetId = null);

public sealed class RequestTheme
{
    public int RequestId { get; set; }
    public Theme Theme { get; set; }
}

/// <summary>One step on a request's public timeline.</summary>
public sealed class RequestEvent
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public RequestEventKind Kind { get; set; }

    /// <summary>The state the request was in after this step.</summary>
    public RequestState State { get; set; }
    public int? ActorId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The due date after this step.</summary>
    public DateOnly DueOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>A word of an open request's title, for finding similar requests without a full-text engine.</summary>
public sealed class RequestTitleTerm
{
    public int RequestId { get; set; }
    public string Term { get; set; } = "";
}

/// <summary>A request being written: the answers so far, kept between the question pages.</summary>
public sealed class RequestDraft
{
    public int UserId { get; set; }
    public string Answers { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
}
