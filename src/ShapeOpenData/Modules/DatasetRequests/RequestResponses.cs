using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>A request in lists: codes for states and outcomes, dates as YYYY-MM-DD.</summary>
/// <param name="ModerationNotice">"Hidden by a moderator: {reason}" when a moderator has hidden it: then only its requester,
/// moderators and the organisation answering it find it at all.</param>
public sealed record RequestListItem(
    int Id, string Title, string State, string? Outcome, string? Organisation, string? OrganisationName, int SupportCount,
    DateOnly DueOn, bool Overdue, string Regime, DateTime CreatedAt, DateTime UpdatedAt, string Url, string? ModerationNotice)
{
    public static RequestListItem From(RequestSummary r, DateOnly today) => new(
        r.Id, r.Title, r.State.ToCode(), r.Outcome?.ToCode(), r.OrganisationSlug, r.OrganisationName, r.SupportCount,
        r.DueOn, r.IsOverdue(today), r.RegimeCode, r.CreatedAt, r.UpdatedAt, $"/requests/{r.Id}", r.Moderation.Notice);
}

/// <param name="Kind">What happened, as a code: submitted, reviewed, assigned …</param>
/// <param name="State">The state after it.</param>
/// <param name="DueOn">The due date after it.</param>
public sealed record TimelineItem(string Kind, string State, DateTime At, DateOnly DueOn, string? Note);

/// <summary>One request, whole.</summary>
/// <param name="ModerationNotice">"Hidden by a moderator: {reason}" when a moderator has hidden it: then only its requester,
/// moderators and the organisation answering it find it at all.</param>
public sealed record RequestDetail(
    int Id, string Title, string Description, string State, string? Outcome, string? Organisation, string? OrganisationName,
    IReadOnlyList<string> Themes, string IntendedUse, string? Benefits, IReadOnlyList<string> Barriers, string Regime, bool Confidential,
    string ReceivedVia, DateOnly ReceivedOn, DateOnly DueOn, bool Overdue, bool ClockPaused, int ExtensionDays, int SupportCount,
    IReadOnlyDictionary<string, int> SupportersBySector, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ClosedAt,
    string? OutcomeUrl, string? Dataset, DateOnly? ExpectedOn, string? RefusalReason, string? Explanation, string? ComplaintRoute, int? DuplicateOf,
    IReadOnlyList<TimelineItem> Timeline, string Url, string? ModerationNotice)
{
    /// <param name="datasetSlug">The catalogue dataset that answers the request, if any.</param>
    public static RequestDetail From(DatasetRequest r, IReadOnlyDictionary<Sector, int> sectors, DateOnly today, string? datasetSlug) => new(
        r.Id, r.Title, r.Description, r.State.ToCode(), r.Outcome?.ToCode(), r.Organisation?.Slug, r.Organisation?.Name,
        [.. r.Themes.Select(t => t.Theme.ToCode()).Order()], r.IntendedUse.ToCode(), r.Benefits, [.. r.Barriers.Select(b => b.ToCode())],
        r.RegimeCode, r.IsConfidential, r.ReceivedVia.ToCode(), r.ReceivedOn, r.DueOn, r.IsOverdue(today), r.IsPaused, r.ExtensionDays,
        r.SupportCount, sectors.ToDictionary(s => s.Key.ToCode(), s => s.Value), r.CreatedAt, r.UpdatedAt, r.ClosedAt,
        r.OutcomeUrl, datasetSlug, r.ExpectedOn, r.RefusalReason?.ToCode(), r.OutcomeExplanation, r.ComplaintRoute, r.DuplicateOfId,
        [.. r.Events.OrderBy(e => e.Id).Select(e => new TimelineItem(e.Kind.ToCode(), e.State.ToCode(), e.At, e.DueOn, e.Note))],
        $"/requests/{r.Id}", r.Moderation.Notice);
}
