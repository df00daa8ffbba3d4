using System.Globalization;
using Ical.Net.CalendarComponents;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>The iCalendar feeds, read back with Ical.Net's own parser as a calendar app would read them.</summary>
[Trait("Databases", "one")]
[Collection(SharedService.Engagement)]
public sealed class MeetingCalendarsTests(ServiceFactory service)
{
    private static readonly int Year = DateTime.UtcNow.Year + 1;

    private async Task<(string Text, Ical.Net.Calendar Calendar)> GetCalendarAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? service.CreateClient()).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        return (text, Ical.Net.Calendar.Load(text)!);
    }

    private static CalendarEvent EventOf(Ical.Net.Calendar calendar, Meeting meeting) =>
        calendar.Events.Single(e => e.Uid == $"{meeting.Uid}@{MeetingCalendars.UidDomain}");

    private static DateTime Utc(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    private static DateOnly LastSunday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(int)day.DayOfWeek);
    }

    private static string Local(DateOnly day, string time) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T" + time;

    /// <summary>A meeting; the UTC instants it is kept at; the wall-clock times London shows for it.</summary>
    public static TheoryData<string, DateTime, DateTime, string, string> Meetings()
    {
        var january = new DateOnly(Year, 1, 14);
        var july = new DateOnly(Year, 7, 14);
        var spring = LastSunday(Year, 3);
        var autumn = LastSunday(Year, 10);
        return new()
        {
            { "January (GMT)", Utc(january, 10), Utc(january, 12), Local(january, "100000"), Local(january, "120000") },
            { "July (BST)", Utc(july, 9), Utc(july, 11), Local(july, "100000"), Local(july, "120000") },
            // Saturday 9am GMT to Monday 5pm BST, over the weekend the clocks go forward.
            { "Across the spring change", Utc(spring.AddDays(-1), 9), Utc(spring.AddDays(1), 16), Local(spring.AddDays(-1), "090000"), Local(spring.AddDays(1), "170000") },
            // 12:30am to 3am on the night itself: one and a half hours, as 1am to 2am never happens.
            { "Through the skipped hour", Utc(spring, 0, 30), Utc(spring, 2), Local(spring, "003000"), Local(spring, "030000") },
            // Saturday 9am BST to Monday 5pm GMT, over the weekend the clocks go back.
            { "Across the autumn change", Utc(autumn.AddDays(-1), 8), Utc(autumn.AddDays(1), 17), Local(autumn.AddDays(-1), "090000"), Local(autumn.AddDays(1), "170000") },
        };
    }

    [Theory]
    [MemberData(nameof(Meetings))]
    public async Task MeetingIcs_GivesTheRightTimes_OnBothSidesOfTheClockChanges(string when, DateTime startsAt, DateTime endsAt, string localStart, string localEnd)
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, startsAt, endsAt: endsAt, title: when);

        var (text, calendar) = await GetCalendarAsync($"/meetings/{meeting.Id}.ics");

        var calendarEvent = EventOf(calendar, meeting);
        Assert.Equal(startsAt, calendarEvent.Start!.AsUtc);
        Assert.Equal(endsAt, calendarEvent.End!.AsUtc);
        Assert.Contains($"DTSTART;TZID=Europe/London:{localStart}", text, StringComparison.Ordinal);
        Assert.Contains($"DTEND;TZID=Europe/London:{localEnd}", text, StringComparison.Ordinal);
        Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);
        Assert.Contains("\r\nBEGIN:VEVENT\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingIcs_InTheHourThatHappensTwice_KeepsTheSecondOne()
    {
        var autumn = LastSunday(Year, 10);
        var (group, chair) = await service.CreateGroupAsync();
        // 1:15am BST (00:15 UTC) to 1:45am GMT (01:45 UTC): both ends read 1-something on the clock.
        var meeting = await service.ScheduleAsync(group, chair, Utc(autumn, 0, 15), endsAt: Utc(autumn, 1, 45));

        var (_, calendar) = await GetCalendarAsync($"/meetings/{meeting.Id}.ics");

        var calendarEvent = EventOf(calendar, meeting);
        Assert.Equal(Utc(autumn, 0, 15), calendarEvent.Start!.AsUtc);
        Assert.Equal(Utc(autumn, 1, 45), calendarEvent.End!.AsUtc);
    }

    [Fact]
    public async Task MeetingIcs_DescribesTheMeetingWithItsPlaceAndPage()
    {
        var (group, chair) = await service.CreateGroupAsync(name: "Address data working group");
        var meeting = await service.ScheduleAsync(group, chair, title: "Spring review", place: "Room 4, 1 Horse Guards Road");

        var response = await service.CreateClient().GetAsync($"/meetings/{meeting.Id}.ics");
        var calendarEvent = EventOf(Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!, meeting);

        Assert.Equal($"meeting-{meeting.Id}.ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("Spring review", calendarEvent.Summary);
        Assert.Equal("Room 4, 1 Horse Guards Road", calendarEvent.Location);
        Assert.Equal("CONFIRMED", calendarEvent.Status);
        Assert.Equal(0, calendarEvent.Sequence);
        Assert.EndsWith($"/meetings/{meeting.Id}", calendarEvent.Url!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Address data working group", calendarEvent.Description, StringComparison.Ordinal);
        Assert.Contains("1. Welcome", calendarEvent.Description, StringComparison.Ordinal);
        Assert.Contains($"/meetings/{meeting.Id}", calendarEvent.Description, StringComparison.Ordinal);
        Assert.NotNull(calendarEvent.DtStamp);
        Assert.NotNull(calendarEvent.LastModified);
    }

    [Fact]
    public async Task Change_BumpsTheSequenceAndMovesTheEvent_UnderTheSameUid()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, Utc(new DateOnly(Year, 2, 10), 10));
        var (_, before) = await GetCalendarAsync($"/groups/{group.Slug}/meetings.ics");

        var moved = Utc(new DateOnly(Year, 2, 12), 14);
        await service.AsAsync(chair, (meetings, user) => meetings.ChangeAsync(meeting.Id,
            new MeetingDetails("Quarterly meeting (moved)", moved, moved.AddHours(1), MeetingTimes.DefaultTimeZone, "Room 2", null, "1. Welcome", null), user));
        var (_, after) = await GetCalendarAsync($"/groups/{group.Slug}/meetings.ics");

        var first = Assert.Single(before.Events);
        var second = Assert.Single(after.Events);
        Assert.Equal(first.Uid, second.Uid);
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(moved, second.Start!.AsUtc);
        Assert.Equal("Quarterly meeting (moved)", second.Summary);
        Assert.Equal("Room 2", second.Location);
    }

    [Fact]
    public async Task Cancel_KeepsTheMeetingInEveryFeed_MarkedCancelled()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, title: "Called off");

        await service.AsAsync(chair, (meetings, user) => meetings.CancelAsync(meeting.Id, "The chair is ill.", user));

        foreach (var url in new[] { "/meetings.ics", $"/groups/{group.Slug}/meetings.ics", $"/meetings/{meeting.Id}.ics" })
        {
            var (_, calendar) = await GetCalendarAsync(url);
            var calendarEvent = EventOf(calendar, meeting);
            Assert.Equal("CANCELLED", calendarEvent.Status);
            Assert.Equal(1, calendarEvent.Sequence);
            Assert.Contains("The chair is ill.", calendarEvent.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Feeds_NeverCarryTheOnlineLink_EvenToSomeoneWithAPlace()
    {
        var (group, chair) = await service.CreateGroupAsync();
        const string link = "https://meet.example.gov.uk/secret-room-42";
        var meeting = await service.ScheduleAsync(group, chair, place: null, onlineLink: link);
        var attendee = await service.CreatePersonAsync();
        await service.RegisterAsync(meeting, attendee);
        var session = service.NewSession();
        await session.SignInAsync(attendee);

        foreach (var url in new[] { "/meetings.ics", $"/groups/{group.Slug}/meetings.ics", $"/meetings/{meeting.Id}.ics" })
        {
            var (text, calendar) = await GetCalendarAsync(url, session.Http);
            Assert.DoesNotContain("secret-room-42", text, StringComparison.Ordinal);
            Assert.Equal("Online", EventOf(calendar, meeting).Location);
        }
    }

    [Fact]
    public async Task MembersOnlyGroup_ShowsNoMeetings_EvenToASignedInMember()
    {
        var (group, chair) = await service.CreateGroupAsync(membersOnly: true);
        var meeting = await service.ScheduleAsync(group, chair, title: "Closed session");
        var member = await service.CreatePersonAsync();
        await service.AddMemberAsync(group, member);
        var session = service.NewSession();
        await session.SignInAsync(member);

        foreach (var client in new[] { service.CreateClient(), session.Http })
        {
            var (all, _) = await GetCalendarAsync("/meetings.ics", client);
            var (text, groupCalendar) = await GetCalendarAsync($"/groups/{group.Slug}/meetings.ics", client);
            var one = await client.GetAsync($"/meetings/{meeting.Id}.ics");

            Assert.DoesNotContain(meeting.Uid.ToString(), all, StringComparison.Ordinal);
            Assert.Empty(groupCalendar.Events);
            Assert.DoesNotContain("Closed session", text, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        }
    }

    [Fact]
    public async Task UnknownGroupOrMeeting_Is404()
    {
        var client = service.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/groups/no-such-group/meetings.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/meetings/999999.ics")).StatusCode);
    }

    [Fact]
    public async Task AllMeetings_HasPublicEventsAndGroupMeetings()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var groupMeeting = await service.ScheduleAsync(group, chair, title: "Group meeting");
        var programme = await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, withPassword: false);
        var publicEvent = await service.ScheduleAsync(null, programme, title: "Open data day");

        var (_, calendar) = await GetCalendarAsync("/meetings.ics");

        Assert.Equal("Group meeting", EventOf(calendar, groupMeeting).Summary);
        Assert.Contains("A public event", EventOf(calendar, publicEvent).Description, StringComparison.Ordinal);
    }
}
