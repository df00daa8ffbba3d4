using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// iCalendar feeds (RFC 5545): <c>/meetings.ics</c>, <c>/groups/{slug}/meetings.ics</c> and <c>/meetings/{id}.ics</c>.
/// Calendar apps fetch these without signing in, so they hold public meetings only, whatever cookie comes with the
/// request, and never the online link: that is for people with a place. Each event keeps its UID for life and
/// carries the meeting's SEQUENCE, so calendars update, or strike through, the copy they already have.
/// </summary>
public static class MeetingCalendars
{
    /// <summary>
    /// The right-hand side of every UID. A constant rather than the host name: the service may change address,
    /// and the same meeting must not then turn up twice in people's calendars.
    /// </summary>
    public const string UidDomain = "meetings.shape-open-data";

    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>How far back the feeds go: enough for last year's meetings, not the whole archive on every refresh.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(365);

    public static string UidOf(Guid uid) => $"{uid:D}@{UidDomain}";

    public static string UrlOf(int meetingId) => $"/meetings/{meetingId}.ics";

    public static void Map(WebApplication app)
    {
        app.MapGet("/meetings.ics", AllAsync).ExcludeFromDescription();
        app.MapGet("/groups/{slug}/meetings.ics", GroupAsync).ExcludeFromDescription();
        app.MapGet("/meetings/{id:int}.ics", OneAsync).ExcludeFromDescription();
    }

    /// <summary>What an event is made from. The online link is not read, so it cannot get into a feed.</summary>
    private sealed record Entry(
        int Id, Guid Uid, string Title, DateTime StartsAt, DateTime EndsAt, string TimeZone, string? Place, bool Online, string Agenda,
        MeetingState State, string? CancellationReason, int Sequence, DateTime UpdatedAt, string? GroupName);

    /// <summary>The public ones among <paramref name="meetings"/>, in the order they happen.</summary>
    private static IQueryable<Entry> Public(IQueryable<Meeting> meetings) =>
        meetings.AsNoTracking().Where(GroupVisibility.Public.Meetings)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Select(m => new Entry(m.Id, m.Uid, m.Title, m.StartsAt, m.EndsAt, m.TimeZone, m.Place, m.OnlineLink != null, m.Agenda,
                m.State, m.CancellationReason, m.Sequence, m.UpdatedAt, m.Group == null ? null : m.Group.Name));

    private static async Task<ContentHttpResult> AllAsync(AppDbContext db, ServiceLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var since = clock.UtcNow() - History;
        var meetings = await Public(db.Meetings.Where(m => m.StartsAt >= since)).ToListAsync(cancellationToken);
        return Calendar("Shape open data: meetings", meetings, links);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GroupAsync(string slug, AppDbContext db, ServiceLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Slug == slug).Select(g => new { g.Id, g.Name, g.MembersOnly }).SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return TypedResults.NotFound();
        }
        var since = clock.UtcNow() - History;
        // A members-only group's calendar exists (the group's existence is public) but shows nothing.
        var meetings = group.MembersOnly
            ? []
            : await Public(db.Meetings.Where(m => m.GroupId == group.Id && m.StartsAt >= since)).ToListAsync(cancellationToken);
        return Calendar($"{group.Name}: meetings", meetings, links);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> OneAsync(int id, HttpContext context, AppDbContext db, ServiceLinks links, CancellationToken cancellationToken)
    {
        if (await Public(db.Meetings.Where(m => m.Id == id)).SingleOrDefaultAsync(cancellationToken) is not { } meeting)
        {
            return TypedResults.NotFound();
        }
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"meeting-{id}.ics\"";
        return Calendar(meeting.Title, [meeting], links);
    }

    private static ContentHttpResult Calendar(string name, IReadOnlyList<Entry> meetings, ServiceLinks links)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Shape open data//Meetings//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        // A VTIMEZONE for each zone used, from a little before the first meeting in it, so calendars place
        // the wall-clock times right on either side of a change to or from summer time.
        foreach (var zone in meetings.Where(m => !IsUtc(m.TimeZone)).GroupBy(m => m.TimeZone))
        {
            calendar.AddTimeZone(zone.Key, MeetingTimes.ToLocal(zone.Min(m => m.StartsAt), zone.Key).AddYears(-1), includeHistoricalData: false);
        }
        foreach (var meeting in meetings)
        {
            calendar.Events.Add(EventOf(meeting, links));
        }
        return TypedResults.Text(new CalendarSerializer().SerializeToString(calendar), ContentType);
    }

    private static CalendarEvent EventOf(Entry meeting, ServiceLinks links)
    {
        var page = links.Absolute(MeetingWorkflow.UrlOf(meeting.Id));
        var cancelled = meeting.State == MeetingState.Cancelled;
        return new CalendarEvent
        {
            Uid = UidOf(meeting.Uid),
            Sequence = meeting.Sequence,
            // Without a METHOD, DTSTAMP is the time the information last changed (RFC 5545 §3.8.7.2); it also
            // keeps the feed the same, byte for byte, until a meeting changes.
            DtStamp = Utc(meeting.UpdatedAt),
            LastModified = Utc(meeting.UpdatedAt),
            Start = InZone(meeting.StartsAt, meeting.TimeZone),
            End = InZone(meeting.EndsAt, meeting.TimeZone),
            Summary = cancelled ? $"Cancelled: {meeting.Title}" : meeting.Title,
            Description = DescriptionOf(meeting, page),
            Location = meeting.Place ?? "Online",
            Url = page,
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
    }

    /// <summary>Plain text: the agenda is Markdown, which reads as it is.</summary>
    private static string DescriptionOf(Entry meeting, Uri page)
    {
        var text = new StringBuilder();
        if (meeting.State == MeetingState.Cancelled)
        {
            text.Append("This meeting has been cancelled. ").AppendLine(meeting.CancellationReason).AppendLine();
        }
        text.AppendLine(meeting.GroupName is null ? "A public event." : $"A meeting of {meeting.GroupName}.");
        if (meeting.Agenda.Length > 0)
        {
            text.AppendLine().AppendLine("Agenda").AppendLine(meeting.Agenda);
        }
        if (meeting.Online)
        {
            text.AppendLine().AppendLine("You can join online: the link is given to people with a place.");
        }
        return text.AppendLine().Append("Details and registration: ").Append(page).ToString();
    }

    private static CalDateTime InZone(DateTime utc, string timeZone)
    {
        if (IsUtc(timeZone))
        {
            return Utc(utc);
        }
        var zone = MeetingTimes.Zone(timeZone);
        var local = MeetingTimes.ToLocal(utc, timeZone);
        // When the clocks go back an hour of wall-clock times happens twice, and a time with a TZID means the
        // first (RFC 5545 §3.3.5). A time in the second is written in UTC instead, or calendars would put it an hour early.
        var repeated = zone.IsAmbiguousTime(local) && zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) < zone.GetAmbiguousTimeOffsets(local).Max();
        return repeated ? Utc(utc) : new CalDateTime(local, timeZone, hasTime: true);
    }

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "UTC", hasTime: true);

    private static bool IsUtc(string timeZone) => string.Equals(timeZone, "UTC", StringComparison.Ordinal);
}
