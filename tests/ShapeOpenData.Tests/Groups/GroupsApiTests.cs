using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;

namespace ShapeOpenData.Tests.Groups;

public sealed class GroupsApiTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static List<int> Ids(JsonElement page) => [.. Items(page).Select(i => i.GetProperty("id").GetInt32())];

    private DateTime Now => service.UtcNow();

    [Fact]
    public async Task Groups_ListsEveryGroup_ButMembersOnlyToThoseWhoMaySeeThem()
    {
        var (open, openChair) = await service.CreateGroupAsync(name: "Open working group");
        var (closed, _) = await service.CreateGroupAsync(membersOnly: true, kind: GroupKind.SteeringGroup);
        var member = await service.CreatePersonAsync(name: "Mo Member", withPassword: false);
        await service.AddMemberAsync(closed, member);
        var outsider = await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false));
        var insider = await service.ApiClientAsync(member);

        async Task<JsonElement> GroupAsync(HttpClient client, Group group) =>
            Items(await client.GetFromJsonAsync<JsonElement>("/api/v1/groups?pageSize=100")).Single(g => g.GetProperty("slug").GetString() == group.Slug);

        var openSeen = await GroupAsync(service.CreateClient(), open);
        Assert.Equal("Open working group", openSeen.GetProperty("name").GetString());
        Assert.Equal("working_group", openSeen.GetProperty("kind").GetString());
        Assert.Equal("on_request", openSeen.GetProperty("policy").GetString());
        Assert.Equal(1, openSeen.GetProperty("memberCount").GetInt32());
        Assert.Equal(openChair.Name, openSeen.GetProperty("members")[0].GetProperty("name").GetString());
        Assert.Equal("chair", openSeen.GetProperty("members")[0].GetProperty("role").GetString());
        foreach (var client in new[] { service.CreateClient(), outsider })
        {
            var seen = await GroupAsync(client, closed);
            Assert.Equal("steering_group", seen.GetProperty("kind").GetString());
            Assert.Equal(2, seen.GetProperty("memberCount").GetInt32());
            Assert.True(seen.GetProperty("membersOnly").GetBoolean());
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("members").ValueKind);
        }
        var forMember = await GroupAsync(insider, closed);
        Assert.Contains("Mo Member", forMember.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Group_GivesOneGroupByItsSlug_AndUnknownOnesAre404()
    {
        var (group, _) = await service.CreateGroupAsync(name: "Statistics network", kind: GroupKind.Network, policy: MembershipPolicy.Open);
        var client = service.CreateClient();

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{group.Slug}");
        var missing = await client.GetAsync("/api/v1/groups/no-such-group");

        Assert.Equal("Statistics network", found.GetProperty("name").GetString());
        Assert.Equal("network", found.GetProperty("kind").GetString());
        Assert.Equal("open", found.GetProperty("policy").GetString());
        Assert.Equal("## Terms\n\nWe meet every quarter.", found.GetProperty("termsOfReference").GetString());
        Assert.Equal($"/groups/{group.Slug}/meetings.ics", found.GetProperty("calendarUrl").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Meetings_FilterByGroupAndTime()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var (other, otherChair) = await service.CreateGroupAsync();
        var past = await service.ScheduleAsync(group, chair, Now.Date.AddDays(2).AddHours(10));
        service.Clock.Advance(TimeSpan.FromDays(3));
        var soon = await service.ScheduleAsync(group, chair, Now.Date.AddDays(5).AddHours(10));
        var later = await service.ScheduleAsync(group, chair, Now.Date.AddDays(40).AddHours(10));
        var elsewhere = await service.ScheduleAsync(other, otherChair, Now.Date.AddDays(5).AddHours(10));
        var client = service.CreateClient();

        async Task<List<int>> IdsAsync(string query) => Ids(await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?{query}"));
        string Day(DateTime utc) => DateOnly.FromDateTime(utc).ToString("yyyy-MM-dd");

        Assert.Equal([past.Id, soon.Id, later.Id], await IdsAsync($"group={group.Slug}"));
        Assert.Equal([soon.Id, later.Id], await IdsAsync($"group={group.Slug}&when=upcoming"));
        Assert.Equal([past.Id], await IdsAsync($"group={group.Slug}&when=past"));
        Assert.Equal([soon.Id], await IdsAsync($"group={group.Slug}&from={Day(soon.StartsAt)}&to={Day(soon.StartsAt)}"));
        Assert.Equal([later.Id], await IdsAsync($"group={group.Slug}&from={Day(soon.StartsAt.AddDays(1))}"));
        Assert.Equal([past.Id, soon.Id], await IdsAsync($"group={group.Slug}&to={Day(soon.StartsAt)}"));
        Assert.Equal([elsewhere.Id], await IdsAsync($"group={other.Slug}"));
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?group={group.Slug}&pageSize=1&page=2");
        Assert.Equal([soon.Id], Ids(page));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("when=tomorrow", "when")]
    [InlineData("from=14/01/2027", "from")]
    [InlineData("to=soon", "to")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task Meetings_BadFilter_Is400NamingIt(string query, string field)
    {
        var response = await service.CreateClient().GetAsync($"/api/v1/meetings?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Meeting_GivesTimesWithTheirOffset_MinutesVersionsDecisionsAndAttendance()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var july = new DateTime(Now.Year + 1, 7, 14, 9, 0, 0, DateTimeKind.Utc);
        var summer = await service.ScheduleAsync(group, chair, july, capacity: 40);
        var meeting = await service.ScheduleAsync(group, chair, capacity: 25);
        var attendee = await service.CreatePersonAsync(withPassword: false);
        await service.RegisterAsync(meeting, attendee);
        service.Clock.Advance(TimeSpan.FromDays(8));
        await service.AsAsync(chair, (meetings, user) => meetings.RecordAttendanceAsync(meeting.Id, 12, [attendee.Id], user));
        await service.PublishMinutesAsync(meeting, chair, "First draft.", null, "Adopt the standard");
        await service.PublishMinutesAsync(meeting, chair, "Corrected.", "Fixed a name", "Review in a year");
        var client = service.CreateClient();

        var summerSeen = await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{summer.Id}");
        var held = await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meeting.Id}");

        Assert.Equal($"{Now.Year + 1}-07-14T10:00:00+01:00", summerSeen.GetProperty("startsAt").GetString());
        Assert.Equal($"{Now.Year + 1}-07-14T12:00:00+01:00", summerSeen.GetProperty("endsAt").GetString());
        Assert.Equal("Europe/London", summerSeen.GetProperty("timeZone").GetString());
        Assert.Equal("scheduled", summerSeen.GetProperty("state").GetString());
        Assert.Equal(40, summerSeen.GetProperty("capacity").GetInt32());
        Assert.Equal($"{summer.Uid}@{MeetingCalendars.UidDomain}", summerSeen.GetProperty("uid").GetString());
        Assert.Equal("held", held.GetProperty("state").GetString());
        Assert.Equal(12, held.GetProperty("attendanceCount").GetInt32());
        Assert.Equal(1, held.GetProperty("registeredCount").GetInt32());
        Assert.Equal(25, held.GetProperty("capacity").GetInt32());
        var minutes = held.GetProperty("minutes").EnumerateArray().ToList();
        Assert.Equal([1, 2], minutes.Select(m => m.GetProperty("number").GetInt32()));
        Assert.Equal(["First draft.", "Corrected."], minutes.Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Null, minutes[0].GetProperty("note").ValueKind);
        Assert.Equal("Fixed a name", minutes[1].GetProperty("note").GetString());
        Assert.True(minutes[1].TryGetProperty("publishedAt", out _));
        Assert.Equal(["Adopt the standard", "Review in a year"], held.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("text").GetString()));
        Assert.Equal([1, 2], held.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("minutesVersion").GetInt32()));
    }

    [Fact]
    public async Task Meeting_OnlineLink_IsGivenOnlyToSomeoneWithAPlace_AndThoseWhoManageIt_AsOnThePage()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var meeting = await service.ScheduleAsync(group, chair, capacity: 1, onlineLink: "https://meet.example.gov.uk/api-secret");
        var placed = await service.CreatePersonAsync(withPassword: false);
        var waiting = await service.CreatePersonAsync(withPassword: false);
        await service.RegisterAsync(meeting, placed);
        await service.RegisterAsync(meeting, waiting);

        async Task<JsonElement> SeenByAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meeting.Id}");

        var withPlace = await SeenByAsync(await service.ApiClientAsync(placed));
        Assert.Equal("https://meet.example.gov.uk/api-secret", withPlace.GetProperty("onlineLink").GetString());
        Assert.Equal("registered", withPlace.GetProperty("registration").GetString());
        var onWaitingList = await SeenByAsync(await service.ApiClientAsync(waiting));
        Assert.Equal("waiting", onWaitingList.GetProperty("registration").GetString());
        foreach (var seen in new[] { onWaitingList, await SeenByAsync(service.CreateClient()), await SeenByAsync(await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false))) })
        {
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("onlineLink").ValueKind);
            Assert.True(seen.GetProperty("online").GetBoolean());
        }
        var listed = await (await service.ApiClientAsync(placed)).GetStringAsync($"/api/v1/meetings?group={group.Slug}");
        Assert.DoesNotContain("api-secret", listed, StringComparison.Ordinal);
        var byTheChair = await SeenByAsync(await service.ApiClientAsync(chair));
        Assert.Equal("https://meet.example.gov.uk/api-secret", byTheChair.GetProperty("onlineLink").GetString());
    }

    [Fact]
    public async Task MembersOnlyContent_IsHiddenFromOthers_ButShownToAMember()
    {
        var (group, chair) = await service.CreateGroupAsync(membersOnly: true);
        var meeting = await service.ScheduleAsync(group, chair, title: "Closed session");
        var action = await service.AddActionAsync(group, chair, new NewAction("Closed action", chair.Id, null, DateOnly.FromDateTime(Now).AddDays(10), []));
        var member = await service.CreatePersonAsync(withPassword: false);
        await service.AddMemberAsync(group, member);
        var memberClient = await service.ApiClientAsync(member);

        foreach (var client in new[] { service.CreateClient(), await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false)) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/meetings/{meeting.Id}")).StatusCode);
            Assert.Empty(Items(await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?group={group.Slug}")));
            Assert.Empty(Items(await client.GetFromJsonAsync<JsonElement>($"/api/v1/actions?group={group.Slug}")));
        }
        Assert.Equal("Closed session", (await memberClient.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meeting.Id}")).GetProperty("title").GetString());
        Assert.Equal([meeting.Id], Ids(await memberClient.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?group={group.Slug}")));
        Assert.Equal([action.Id], Ids(await memberClient.GetFromJsonAsync<JsonElement>($"/api/v1/actions?group={group.Slug}")));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesGroupsMeetingsAndActions()
    {
        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/groups", paths);
        Assert.Contains("/api/v1/groups/{slug}", paths);
        Assert.Contains("/api/v1/meetings", paths);
        Assert.Contains("/api/v1/meetings/{id}", paths);
        Assert.Contains("/api/v1/actions", paths);
        Assert.DoesNotContain(paths, p => p.EndsWith(".ics", StringComparison.Ordinal) || p.EndsWith(".csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Meeting_Unknown_Is404()
    {
        var response = await service.CreateClient().GetAsync("/api/v1/meetings/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Actions_AreOpenOnesByDefault_AndFilterByOwnerStateAndOverdue()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var owner = await service.CreatePersonAsync(name: "Olive Owner", withPassword: false);
        await service.AddMemberAsync(group, owner);
        var cabinetOffice = await service.WithDatabaseAsync(db => db.Organisations.Where(o => o.Slug == "cabinet-office").Select(o => o.Id).SingleAsync());
        var today = DateOnly.FromDateTime(Now);
        var late = await service.AddActionAsync(group, chair, new NewAction("Late", owner.Id, null, today.AddDays(-3), []));
        var due = await service.AddActionAsync(group, chair, new NewAction("Due", null, cabinetOffice, today.AddDays(7), []));
        var done = await service.AddActionAsync(group, chair, new NewAction("Done", owner.Id, null, today.AddDays(1), []));
        await service.WithServicesAsync(async s => await s.GetRequiredService<ActionWorkflow>().UpdateAsync(done.Id, ActionState.Done, "Published it", await service.PrincipalAsync(owner)));
        var anyone = service.CreateClient();
        var ownerClient = await service.ApiClientAsync(owner);

        async Task<List<int>> IdsAsync(HttpClient client, string query) => Ids(await client.GetFromJsonAsync<JsonElement>($"/api/v1/actions?group={group.Slug}&{query}"));

        Assert.Equal([late.Id, due.Id], await IdsAsync(anyone, ""));
        Assert.Equal([done.Id], await IdsAsync(anyone, "state=done"));
        Assert.Equal([late.Id, done.Id, due.Id], await IdsAsync(anyone, "state=all"));
        Assert.Equal([late.Id], await IdsAsync(anyone, "overdue=true"));
        Assert.Equal([due.Id], await IdsAsync(anyone, "owner=cabinet-office"));
        Assert.Equal([late.Id, done.Id], await IdsAsync(ownerClient, "owner=me&state=all"));
        var items = Items(await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/actions?group={group.Slug}&state=all"));
        var lateSeen = items.Single(a => a.GetProperty("id").GetInt32() == late.Id);
        Assert.Equal("Olive Owner", lateSeen.GetProperty("owner").GetString());
        Assert.True(lateSeen.GetProperty("overdue").GetBoolean());
        Assert.Equal("open", lateSeen.GetProperty("state").GetString());
        var doneSeen = items.Single(a => a.GetProperty("id").GetInt32() == done.Id);
        Assert.Equal("done", doneSeen.GetProperty("state").GetString());
        Assert.Equal("Published it", doneSeen.GetProperty("note").GetString());
        Assert.Equal("Cabinet Office", items.Single(a => a.GetProperty("id").GetInt32() == due.Id).GetProperty("owner").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await anyone.GetAsync("/api/v1/actions?state=finished")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anyone.GetAsync("/api/v1/actions?owner=me")).StatusCode);
    }
}
