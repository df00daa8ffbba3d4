using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;

namespace ShapeOpenData.Tests.Groups;

/// <summary>The Atom feed and the open-data exports of meetings, decisions and actions. Minutes need a meeting that has happened, so the clock moves.</summary>
public sealed class GroupFeedsTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];

    /// <summary>Moves past a meeting scheduled a week ahead, so it can have minutes.</summary>
    private void AfterTheMeeting() => service.Clock.Advance(TimeSpan.FromDays(8));

    private static string[] Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public async Task Atom_ListsNewMeetingsAndMinutes_NewestFirst_ButNothingMembersOnly()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var (hiddenGroup, hiddenChair) = await service.CreateGroupAsync(membersOnly: true);
        var held = await service.ScheduleAsync(group, chair, title: Unique("Held"));
        var hidden = await service.ScheduleAsync(hiddenGroup, hiddenChair, title: Unique("Hidden"));
        AfterTheMeeting();
        await service.PublishMinutesAsync(held, chair, "We agreed the plan.");
        await service.PublishMinutesAsync(held, chair, "We agreed the plan, in full.", note: "Added the second item");
        await service.PublishMinutesAsync(hidden, hiddenChair, "Secret minutes.");
        var next = await service.ScheduleAsync(group, chair, title: Unique("Next"));

        var response = await service.CreateClient().GetAsync("/meetings.atom");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var titles = XDocument.Parse(text).Descendants(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        int Position(string title) => titles.IndexOf(title) is >= 0 and var at ? at : throw new Xunit.Sdk.XunitException($"'{title}' is not in the feed: {string.Join(" | ", titles)}");
        Assert.True(Position($"New meeting: {next.Title}") < Position($"Minutes corrected (version 2): {held.Title}"));
        Assert.True(Position($"Minutes corrected (version 2): {held.Title}") < Position($"Minutes published: {held.Title}"));
        Assert.True(Position($"Minutes published: {held.Title}") < Position($"New meeting: {held.Title}"));
        Assert.Contains($"/meetings/{held.Id}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Title, text, StringComparison.Ordinal);
        Assert.DoesNotContain("meet.example.gov.uk", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingsCsv_HasAHeaderAndARowForEachPublicMeeting_WithoutTheOnlineLink()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var (hiddenGroup, hiddenChair) = await service.CreateGroupAsync(membersOnly: true);
        var meeting = await service.ScheduleAsync(group, chair, title: Unique("Exported"), capacity: 30, onlineLink: "https://meet.example.gov.uk/csv-secret");
        await service.RegisterAsync(meeting, await service.CreatePersonAsync(withPassword: false));
        var hidden = await service.ScheduleAsync(hiddenGroup, hiddenChair, title: Unique("Hidden"));

        var csv = await service.CreateClient().GetStringAsync("/meetings.csv");

        var lines = Lines(csv);
        Assert.Equal("Id,Uid,Group,GroupName,Title,StartsAt,EndsAt,TimeZone,Place,Online,State,CancellationReason,Capacity,RegisteredCount,AttendanceCount,"
            + "MinutesVersions,Decisions,CreatedAt,UpdatedAt,Url", lines[0]);
        var row = lines.Single(l => l.StartsWith($"{meeting.Id},", StringComparison.Ordinal));
        Assert.Contains($",{meeting.Uid}@{MeetingCalendars.UidDomain},{group.Slug},", row, StringComparison.Ordinal);
        Assert.Contains($",{meeting.Title},", row, StringComparison.Ordinal);
        Assert.Contains(",Europe/London,\"Room 1, 10 Victoria Street, London\",True,scheduled,,30,1,,0,0,", row, StringComparison.Ordinal);
        Assert.EndsWith($",/meetings/{meeting.Id}", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith($"{hidden.Id},", StringComparison.Ordinal));
        Assert.DoesNotContain("csv-secret", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingsJson_GivesTheSameRows_WithoutTheOnlineLink()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var (hiddenGroup, hiddenChair) = await service.CreateGroupAsync(membersOnly: true);
        var meeting = await service.ScheduleAsync(group, chair, title: Unique("Exported"), onlineLink: "https://meet.example.gov.uk/json-secret");
        await service.RegisterAsync(meeting, await service.CreatePersonAsync(withPassword: false));
        var hidden = await service.ScheduleAsync(hiddenGroup, hiddenChair);

        var response = await service.CreateClient().GetAsync("/meetings.json");

        var text = await response.Content.ReadAsStringAsync();
        var rows = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        var row = rows.Single(r => r.GetProperty("id").GetInt32() == meeting.Id);
        Assert.Equal(group.Slug, row.GetProperty("group").GetString());
        Assert.True(row.GetProperty("online").GetBoolean());
        Assert.Equal(1, row.GetProperty("registeredCount").GetInt32());
        Assert.Equal(meeting.StartsAt, row.GetProperty("startsAt").GetDateTime());
        Assert.False(row.TryGetProperty("onlineLink", out _));
        Assert.DoesNotContain(rows, r => r.GetProperty("id").GetInt32() == hidden.Id);
        Assert.DoesNotContain("json-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_AreExportedFromPublicMinutesOnly()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var (hiddenGroup, hiddenChair) = await service.CreateGroupAsync(membersOnly: true);
        var meeting = await service.ScheduleAsync(group, chair, title: Unique("Deciding"));
        var hidden = await service.ScheduleAsync(hiddenGroup, hiddenChair);
        AfterTheMeeting();
        await service.PublishMinutesAsync(meeting, chair, "Minutes.", null, "Adopt the address standard", "Publish every quarter");
        await service.PublishMinutesAsync(hidden, hiddenChair, "Minutes.", null, "A secret decision");
        var client = service.CreateClient();

        var lines = Lines(await client.GetStringAsync("/decisions.csv"));
        var json = await client.GetFromJsonAsync<JsonElement>("/decisions.json");

        Assert.Equal("MeetingId,Number,Text,MinutesVersion,RecordedAt,Group,MeetingTitle,MeetingStartsAt,Url", lines[0]);
        var rows = lines.Where(l => l.StartsWith($"{meeting.Id},", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith($"{meeting.Id},1,Adopt the address standard,1,", rows[0], StringComparison.Ordinal);
        Assert.Contains($",{group.Slug},{meeting.Title},", rows[0], StringComparison.Ordinal);
        Assert.StartsWith($"{meeting.Id},2,Publish every quarter,1,", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("A secret decision", StringComparison.Ordinal));
        var decisions = json.EnumerateArray().Where(d => d.GetProperty("meetingId").GetInt32() == meeting.Id).ToList();
        Assert.Equal(["Adopt the address standard", "Publish every quarter"], decisions.Select(d => d.GetProperty("text").GetString()));
        Assert.DoesNotContain(json.EnumerateArray(), d => d.GetProperty("meetingId").GetInt32() == hidden.Id);
    }

    [Fact]
    public async Task Actions_AreExportedWithTheirOwnersDueDatesAndRequests_PublicOnly()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var (hiddenGroup, hiddenChair) = await service.CreateGroupAsync(membersOnly: true);
        var owner = await service.CreatePersonAsync(name: "Olive Owner", withPassword: false);
        await service.AddMemberAsync(group, owner);
        var meeting = await service.ScheduleAsync(group, chair);
        var request = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false));
        var cabinetOffice = await service.WithDatabaseAsync(db => db.Organisations.Where(o => o.Slug == "cabinet-office").Select(o => o.Id).SingleAsync());
        var today = DateOnly.FromDateTime(service.UtcNow());
        var mine = await service.AddActionAsync(group, chair, new NewAction("Draft the address standard", owner.Id, null, today.AddDays(30), [request]), meeting);
        var late = await service.AddActionAsync(group, chair, new NewAction("Publish the register", null, cabinetOffice, today.AddDays(-2), []));
        var secret = await service.AddActionAsync(hiddenGroup, hiddenChair, new NewAction("A secret action", hiddenChair.Id, null, today.AddDays(5), []));
        var client = service.CreateClient();

        var lines = Lines(await client.GetStringAsync("/actions.csv"));
        var json = await client.GetFromJsonAsync<JsonElement>("/actions.json");

        Assert.Equal("Id,Group,MeetingId,Text,Owner,OwnerOrganisation,DueOn,State,Note,Overdue,Requests,CreatedAt,UpdatedAt,Url", lines[0]);
        var mineRow = lines.Single(l => l.StartsWith($"{mine.Id},", StringComparison.Ordinal));
        Assert.StartsWith($"{mine.Id},{group.Slug},{meeting.Id},Draft the address standard,Olive Owner,,", mineRow, StringComparison.Ordinal);
        Assert.Contains($",open,,False,{request},", mineRow, StringComparison.Ordinal);
        var lateRow = lines.Single(l => l.StartsWith($"{late.Id},", StringComparison.Ordinal));
        Assert.Contains(",Publish the register,Cabinet Office,cabinet-office,", lateRow, StringComparison.Ordinal);
        Assert.Contains(",open,,True,,", lateRow, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith($"{secret.Id},", StringComparison.Ordinal));

        var action = json.EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == mine.Id);
        Assert.Equal("Olive Owner", action.GetProperty("owner").GetString());
        Assert.Equal(today.AddDays(30).ToString("yyyy-MM-dd"), action.GetProperty("dueOn").GetString());
        Assert.Equal([request], action.GetProperty("requests").EnumerateArray().Select(r => r.GetInt32()));
        Assert.Equal(meeting.Id, action.GetProperty("meetingId").GetInt32());
        Assert.True(json.EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == late.Id).GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(json.EnumerateArray(), a => a.GetProperty("id").GetInt32() == secret.Id);
    }

    [Fact]
    public async Task AMeetingMoreThanAYearOld_LeavesTheCalendar_ButStaysInTheExport()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, title: Unique("Long ago"));

        service.Clock.Advance(TimeSpan.FromDays(400));
        var calendar = await service.CreateClient().GetStringAsync($"/groups/{group.Slug}/meetings.ics");
        var csv = await service.CreateClient().GetStringAsync("/meetings.csv");

        Assert.DoesNotContain(meeting.Uid.ToString(), calendar, StringComparison.Ordinal);
        Assert.Contains(meeting.Title, csv, StringComparison.Ordinal);
    }
}
