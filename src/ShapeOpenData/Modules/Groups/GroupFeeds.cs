using System.Runtime.CompilerServices;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// The open record of groups' work: <c>/meetings.atom</c> (new meetings and published minutes), and every public meeting,
/// decision and action as CSV and JSON. Like the calendars, these are the same for everyone: a members-only group's
/// meetings, decisions and actions never appear, and neither does any meeting's online link.
/// </summary>
public static partial class GroupFeeds
{
    private const int AtomEntries = 50;

    /// <param name="Uid">The calendar UID.</param>
    /// <param name="Online">Whether it can be joined online (the link is only for people with a place).</param>
    /// <param name="StartsAt">UTC.</param>
    /// <param name="EndsAt">UTC.</param>
    [CsvRecord]
    public sealed partial record MeetingRow(
        int Id, string Uid, string? Group, string? GroupName, string Title, DateTime StartsAt, DateTime EndsAt, string TimeZone, string? Place,
        bool Online, string State, string? CancellationReason, int? Capacity, int RegisteredCount, int? AttendanceCount, int MinutesVersions,
        int Decisions, DateTime CreatedAt, DateTime UpdatedAt, string Url);

    /// <param name="Number">The decision's number within its meeting.</param>
    /// <param name="MinutesVersion">The minutes version that recorded it.</param>
    [CsvRecord]
    public sealed partial record DecisionRow(
        int MeetingId, int Number, string Text, int MinutesVersion, DateTime RecordedAt, string? Group, string MeetingTitle, DateTime MeetingStartsAt, string Url);

    /// <param name="Requests">The public dataset requests it serves, their numbers separated by spaces.</param>
    [CsvRecord]
    public sealed partial record ActionRow(
        int Id, string Group, int? MeetingId, string Text, string? Owner, string? OwnerOrganisation, DateOnly DueOn, string State, string? Note,
        bool Overdue, string Requests, DateTime CreatedAt, DateTime UpdatedAt, string Url);

    public static void Map(WebApplication app)
    {
        app.MapGet("/meetings.atom", AtomAsync).ExcludeFromDescription();
        app.MapGet("/meetings.csv", (HttpContext c, AppDbContext db, CancellationToken t) => CsvAsync(c, "meetings.csv", MeetingRowsAsync(db, t), t)).ExcludeFromDescription();
        app.MapGet("/meetings.json", (HttpContext c, AppDbContext db, CancellationToken t) => JsonAsync(c, MeetingRowsAsync(db, t), t)).ExcludeFromDescription();
        app.MapGet("/decisions.csv", (HttpContext c, AppDbContext db, CancellationToken t) => CsvAsync(c, "decisions.csv", DecisionRowsAsync(db), t)).ExcludeFromDescription();
        app.MapGet("/decisions.json", (HttpContext c, AppDbContext db, CancellationToken t) => JsonAsync(c, DecisionRowsAsync(db), t)).ExcludeFromDescription();
        app.MapGet("/actions.csv", async (HttpContext c, AppDbContext db, Items items, TimeProvider clock, CancellationToken t) =>
            await CsvAsync(c, "actions.csv", (await PublicActionsAsync(db, items, clock, t)).Select(ActionRowOf), t)).ExcludeFromDescription();
        // The same shape as the API's actions, with the requests served as a list.
        app.MapGet("/actions.json", async (HttpContext c, AppDbContext db, Items items, TimeProvider clock, CancellationToken t) =>
            await JsonAsync(c, await PublicActionsAsync(db, items, clock, t), t)).ExcludeFromDescription();
    }

    private static IQueryable<Meeting> PublicMeetings(AppDbContext db) => db.Meetings.AsNoTracking().Where(GroupVisibility.Public.Meetings);

    private sealed record Entry(string Anchor, string Title, string Summary, int MeetingId, DateTime At);

    private static async Task AtomAsync(HttpContext context, AppDbContext db, ServiceLinks links, CancellationToken cancellationToken)
    {
        // The newest fifty of each kind, merged: whatever the mix, the newest fifty overall are among them.
        var scheduled = await PublicMeetings(db).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(AtomEntries)
            .Select(m => new { m.Id, m.Title, m.CreatedAt, m.StartsAt, m.EndsAt, m.TimeZone, m.State, GroupName = m.Group == null ? null : m.Group.Name })
            .ToListAsync(cancellationToken);
        var minutes = await (
                from version in db.MinutesVersions
                join meeting in PublicMeetings(db) on version.MeetingId equals meeting.Id
                orderby version.PublishedAt descending, version.Id descending
                select new { meeting.Id, meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.TimeZone, version.Number, version.Note, version.PublishedAt })
            .Take(AtomEntries).ToListAsync(cancellationToken);

        var entries = scheduled.Select(m => new Entry("scheduled", $"New meeting: {m.Title}",
                $"{m.GroupName ?? "A public event"}: {m.Title}, {MeetingTimes.Describe(m.StartsAt, m.EndsAt, m.TimeZone)}."
                + (m.State == MeetingState.Cancelled ? " This meeting has since been cancelled." : ""), m.Id, m.CreatedAt))
            .Concat(minutes.Select(v => new Entry($"minutes-{v.Number}",
                v.Number == 1 ? $"Minutes published: {v.Title}" : $"Minutes corrected (version {v.Number}): {v.Title}",
                v.Number == 1
                    ? $"The minutes of {v.Title}, {MeetingTimes.Describe(v.StartsAt, v.EndsAt, v.TimeZone)}, have been published."
                    : $"The minutes of {v.Title} have been corrected. Version {v.Number}: {v.Note}", v.Id, v.PublishedAt)))
            .OrderByDescending(e => e.At).Take(AtomEntries).ToList();

        var feed = new SyndicationFeed("Shape open data: meetings and minutes", "New meetings of groups and public events, and their minutes.", links.Absolute("/meetings"))
        {
            Id = links.Absolute("/meetings.atom").ToString(),
            LastUpdatedTime = entries.Count > 0 ? new DateTimeOffset(entries[0].At, TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            Items = [.. entries.Select(e => new SyndicationItem(
                e.Title, e.Summary, links.Absolute(MeetingWorkflow.UrlOf(e.MeetingId)),
                $"{links.Absolute(MeetingWorkflow.UrlOf(e.MeetingId))}#{e.Anchor}", new DateTimeOffset(e.At, TimeSpan.Zero)))],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(links.Absolute("/meetings.atom"), "application/atom+xml"));
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var writer = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Indent = true });
        new Atom10FeedFormatter(feed).WriteTo(writer);
        await writer.FlushAsync();
    }

    private static async IAsyncEnumerable<MeetingRow> MeetingRowsAsync(AppDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The online link is not read: it cannot reach an export.
        var rows = PublicMeetings(db).OrderBy(m => m.Id).Select(m => new
        {
            m.Id, m.Uid, Group = m.Group == null ? null : m.Group.Slug, GroupName = m.Group == null ? null : m.Group.Name, m.Title, m.StartsAt, m.EndsAt,
            m.TimeZone, m.Place, Online = m.OnlineLink != null, m.State, m.CancellationReason, m.Capacity, m.RegisteredCount, m.AttendanceCount,
            MinutesVersions = m.Minutes.Count, Decisions = m.Decisions.Count, m.CreatedAt, m.UpdatedAt,
        });
        await foreach (var m in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new MeetingRow(m.Id, MeetingCalendars.UidOf(m.Uid), m.Group, m.GroupName, m.Title, m.StartsAt, m.EndsAt, m.TimeZone, m.Place,
                m.Online, m.State.ToCode(), m.CancellationReason, m.Capacity, m.RegisteredCount, m.AttendanceCount, m.MinutesVersions, m.Decisions,
                m.CreatedAt, m.UpdatedAt, MeetingWorkflow.UrlOf(m.Id));
        }
    }

    private static IAsyncEnumerable<DecisionRow> DecisionRowsAsync(AppDbContext db) => (
            from decision in db.Decisions
            join meeting in PublicMeetings(db) on decision.MeetingId equals meeting.Id
            orderby decision.MeetingId, decision.Number
            select new DecisionRow(decision.MeetingId, decision.Number, decision.Text, decision.MinutesVersion, decision.RecordedAt,
                meeting.Group == null ? null : meeting.Group.Slug, meeting.Title, meeting.StartsAt, "/meetings/" + meeting.Id))
        .AsAsyncEnumerable();

    private static async Task<List<GroupsApi.ActionResponse>> PublicActionsAsync(AppDbContext db, Items items, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var rows = await GroupsApi.WithPublicRequestsAsync(
            await GroupsApi.ActionsAsRead(db, db.GroupActions.AsNoTracking().Where(GroupVisibility.Public.Actions).OrderBy(a => a.Id)).ToListAsync(cancellationToken),
            items, cancellationToken);
        return [.. rows.Select(a => a.ToResponse(today))];
    }

    private static ActionRow ActionRowOf(GroupsApi.ActionResponse a) => new(
        a.Id, a.Group, a.MeetingId, a.Text, a.Owner, a.OwnerOrganisation, a.DueOn, a.State, a.Note, a.Overdue,
        string.Join(' ', a.Requests), a.CreatedAt, a.UpdatedAt, a.Url);

    private static async Task CsvAsync<T>(HttpContext context, string fileName, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordsAsync(rows, cancellationToken);
    }

    private static Task CsvAsync<T>(HttpContext context, string fileName, IEnumerable<T> rows, CancellationToken cancellationToken) =>
        CsvAsync(context, fileName, rows.ToAsyncEnumerable(), cancellationToken);

    private static async Task JsonAsync<T>(HttpContext context, T rows, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, rows, JsonSerializerOptions.Web, cancellationToken);
    }
}
