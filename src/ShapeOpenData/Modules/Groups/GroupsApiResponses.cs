namespace ShapeOpenData.Modules.Groups;

/// <summary>What the groups API answers with.</summary>
public static partial class GroupsApi
{
    /// <param name="TermsOfReference">Null when the caller may not see the group's content.</param>
    /// <param name="Members">Null when the caller may not see the group's content.</param>
    /// <param name="MembersOnly">True when members, meetings, minutes and actions are for members only.</param>
    public sealed record GroupResponse(
        string Slug, string Name, string Kind, string Purpose, string? TermsOfReference, string Policy, bool MembersOnly, bool Closed,
        int MemberCount, IReadOnlyList<MemberResponse>? Members, DateTime CreatedAt, string Url, string CalendarUrl);

    public sealed record MemberResponse(string Name, string Role, DateTime? JoinedAt);

    /// <param name="StartsAt">In the meeting's time zone, with its offset from UTC.</param>
    /// <param name="TimeZone">The IANA time zone the meeting is set in, like Europe/London.</param>
    /// <param name="Online">Whether it can be joined online; the link itself is on the meeting, for people with a place.</param>
    /// <param name="Uid">The calendar UID, the same in every iCalendar feed for the life of the meeting.</param>
    public sealed record MeetingListItem(
        int Id, string Uid, string Title, string? Group, string? GroupName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
        string? Place, bool Online, string State, string? CancellationReason, int? Capacity, int RegisteredCount, string Url, string CalendarUrl);

    /// <param name="OnlineLink">Only for a caller with a place at a meeting that is going ahead.</param>
    /// <param name="Registration">The caller's registration: registered, waiting, or null.</param>
    /// <param name="Sequence">The iCalendar SEQUENCE: one more on every change calendars should pick up.</param>
    public sealed record MeetingDetail(
        int Id, string Uid, string Title, string? Group, string? GroupName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
        string? Place, bool Online, string? OnlineLink, string Agenda, string State, string? CancellationReason, int? Capacity, int RegisteredCount,
        string? Registration, int? AttendanceCount, int Sequence, IReadOnlyList<MinutesResponse> Minutes, IReadOnlyList<DecisionResponse> Decisions,
        DateTime CreatedAt, DateTime UpdatedAt, string Url, string CalendarUrl);

    /// <param name="Note">What a correction changed; null on the first version.</param>
    public sealed record MinutesResponse(int Number, string Text, string? Note, DateTime PublishedAt);

    /// <param name="MinutesVersion">The minutes version that recorded it.</param>
    public sealed record DecisionResponse(int Number, string Text, int MinutesVersion, DateTime RecordedAt);

    /// <param name="Owner">The owning member's display name or the owning organisation's name.</param>
    /// <param name="OwnerOrganisation">The owning organisation's slug; null when a member owns it.</param>
    /// <param name="MeetingId">The meeting that agreed it, if any.</param>
    /// <param name="Requests">The public dataset requests it serves.</param>
    public sealed record ActionResponse(
        int Id, string Text, string Group, string GroupName, int? MeetingId, string? Owner, string? OwnerOrganisation, DateOnly DueOn,
        string State, string? Note, bool Overdue, IReadOnlyList<int> Requests, DateTime CreatedAt, DateTime UpdatedAt, string Url);
}
