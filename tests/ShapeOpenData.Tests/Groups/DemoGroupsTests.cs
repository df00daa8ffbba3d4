using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>The demo groups, meetings and actions: what someone exploring the demo finds.</summary>
[Collection(DemoContent.Name)]
public sealed class DemoGroupsTests(DemoServiceFactory service)
{
    private const string Demo = "@" + DemoAccounts.Domain;

    private Task<Group> GroupAsync(string slug) => service.WithDatabaseAsync(db => db.Groups.Include(g => g.Members).SingleAsync(g => g.Slug == slug));

    private Task<List<Meeting>> MeetingsAsync() => service.WithDatabaseAsync(db =>
        db.Meetings.Include(m => m.Registrations).Include(m => m.Minutes).Include(m => m.Decisions).AsSplitQuery().ToListAsync());

    private Task<Person> DemoPersonAsync(string name) => service.WithDatabaseAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == name + Demo);
        return new Person(user.Id, user.Email!, user.DisplayName, null);
    });

    [Fact]
    public async Task TheDemo_HasASteeringGroupAndThreeWorkingGroups_WithEachMembershipPolicy()
    {
        var groups = await service.WithDatabaseAsync(db => db.Groups.OrderBy(g => g.Id).ToListAsync());

        Assert.Equal(
            [
                ("Open Data Steering Group", GroupKind.SteeringGroup, MembershipPolicy.ByInvitation, false),
                ("Data Standards Working Group", GroupKind.WorkingGroup, MembershipPolicy.Open, false),
                ("Transport Data Working Group", GroupKind.WorkingGroup, MembershipPolicy.OnRequest, false),
                ("Health Data Access Group", GroupKind.WorkingGroup, MembershipPolicy.OnRequest, true),
            ],
            groups.Select(g => (g.Name, g.Kind, g.Policy, g.MembersOnly)));
        Assert.All(groups, g => Assert.StartsWith("## Purpose", g.TermsOfReference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachGroup_HasAChairAndSecretariat_AndMembersFromSeveralSectors()
    {
        var sectors = await service.WithDatabaseAsync(db => (
            from m in db.GroupMembers
            join u in db.Users on m.UserId equals u.Id
            join g in db.Groups on m.GroupId equals g.Id
            where m.State == MemberState.Active
            select new { g.Slug, m.Role, u.Sector }).ToListAsync());

        foreach (var slug in new[] { "steering-group", "data-standards", "transport-data", "health-data-access" })
        {
            var members = sectors.Where(s => s.Slug == slug).ToList();
            Assert.Single(members, m => m.Role == GroupRole.Chair);
            Assert.Single(members, m => m.Role == GroupRole.Secretariat);
            Assert.Contains(members, m => m.Role == GroupRole.Observer);
            Assert.True(members.Select(m => m.Sector).Distinct().Count() >= 3, $"{slug} has members from fewer than three sectors");
        }
        Assert.Equal(6, sectors.Where(s => s.Slug == "data-standards").Select(s => s.Sector).Distinct().Count());
    }

    [Fact]
    public async Task OneRequestToJoin_IsWaitingForTheTransportGroupsChair()
    {
        var requests = await service.WithDatabaseAsync(db => db.GroupMembers.Where(m => m.State == MemberState.Requested).ToListAsync());
        var transport = await GroupAsync("transport-data");
        var resident = await DemoPersonAsync("resident");

        var request = Assert.Single(requests);
        Assert.Equal((transport.Id, resident.Id), (request.GroupId, request.UserId));
        Assert.False(string.IsNullOrWhiteSpace(request.Message));
        // The chair is a demo account someone can sign in as, to decide it.
        var chair = await DemoPersonAsync("publisher.dft");
        Assert.Equal(GroupRole.Chair, transport.Members.Single(m => m.UserId == chair.Id).Role);
    }

    [Fact]
    public async Task Meetings_WereHeldWithMinutesDecisionsAndAttendance_OneCorrected()
    {
        var meetings = await MeetingsAsync();

        var held = meetings.Where(m => m.State == MeetingState.Held).ToList();
        Assert.Equal(4, held.Count);
        Assert.All(held, m =>
        {
            Assert.True(m.EndsAt < DateTime.UtcNow);
            Assert.NotEmpty(m.Minutes);
            Assert.NotEmpty(m.Decisions);
            Assert.True(m.AttendanceCount >= m.Registrations.Count(r => r.Attended));
            Assert.Contains(m.Registrations, r => r.Attended);
        });
        var corrected = Assert.Single(held, m => m.Minutes.Count == 2);
        var (first, second) = (corrected.Minutes.Single(v => v.Number == 1), corrected.Minutes.Single(v => v.Number == 2));
        Assert.Null(first.Note);
        Assert.False(string.IsNullOrWhiteSpace(second.Note));
        Assert.NotEqual(first.Text, second.Text);
        Assert.True(second.PublishedAt > first.PublishedAt);
        Assert.Equal(Enumerable.Range(1, corrected.Decisions.Count), corrected.Decisions.Select(d => d.Number).Order());
    }

    [Fact]
    public async Task Meetings_IncludeOneCancelled_AndUpcomingOnes_OneFullWithAWaitingList()
    {
        var meetings = await MeetingsAsync();

        var cancelled = Assert.Single(meetings, m => m.State == MeetingState.Cancelled);
        Assert.False(string.IsNullOrWhiteSpace(cancelled.CancellationReason));
        var upcoming = meetings.Where(m => m.State == MeetingState.Scheduled).ToList();
        Assert.True(upcoming.Count >= 5);
        Assert.All(upcoming, m => Assert.True(m.StartsAt > DateTime.UtcNow.AddDays(1), $"{m.Title} is not upcoming"));
        Assert.All(upcoming, m => Assert.Equal(m.RegisteredCount, m.Registrations.Count(r => r.State == RegistrationState.Registered)));
        Assert.All(upcoming, m => Assert.NotEmpty(m.Registrations));
        var full = Assert.Single(meetings, m => m.Registrations.Any(r => r.State == RegistrationState.Waiting));
        Assert.Equal(full.Capacity, full.RegisteredCount);
        Assert.Equal(3, full.Registrations.Count(r => r.State == RegistrationState.Waiting));
        Assert.Contains(full.Registrations, r => r.PromotedAt is not null);
        var events = meetings.Where(m => m.GroupId is null).Select(m => m.Title).Order().ToList();
        Assert.Equal(["Open Data Day: community data workshop, Leeds", "Webinar: getting started with publishing open data"], events);
    }

    [Fact]
    public async Task Actions_AreInEveryState_OwnedByMembersAndOrganisations_SomeServingDemoRequests()
    {
        var actions = await service.WithDatabaseAsync(db => db.GroupActions.Include(a => a.Requests).ToListAsync());
        var today = TimeProvider.System.Today();

        Assert.Contains(actions, a => a.State == ActionState.Open && !a.IsOverdue(today));
        Assert.Contains(actions, a => a.IsOverdue(today));
        Assert.Contains(actions, a => a.State == ActionState.Done && !string.IsNullOrWhiteSpace(a.Note));
        Assert.Contains(actions, a => a.State == ActionState.Dropped && !string.IsNullOrWhiteSpace(a.Note));
        Assert.All(actions.Where(a => a.State != ActionState.Open), a => Assert.False(string.IsNullOrWhiteSpace(a.Note)));
        Assert.Contains(actions, a => a.OwnerUserId is not null);
        Assert.Contains(actions, a => a.OwnerOrganisationId is not null);
        var served = actions.SelectMany(a => a.Requests).Select(r => r.RequestId).ToList();
        Assert.True(served.Count >= 3);
        var titles = await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => served.Contains(r.Id)).Select(r => r.Title).ToListAsync());
        Assert.Contains("Bus punctuality by route for every English bus operator", titles);
        // Owners are members of the group the action belongs to.
        var members = await service.WithDatabaseAsync(db => db.GroupMembers.Where(m => m.State == MemberState.Active).Select(m => new { m.GroupId, m.UserId }).ToListAsync());
        Assert.All(actions.Where(a => a.OwnerUserId is not null), a => Assert.Contains(new { a.GroupId, UserId = a.OwnerUserId!.Value }, members));
    }

    [Fact]
    public async Task TheHealthGroupsMeetings_AreForItsMembersOnly()
    {
        var health = await GroupAsync("health-data-access");
        var meeting = (await MeetingsAsync()).First(m => m.GroupId == health.Id);
        var (member, outsider) = (await DemoPersonAsync("researcher"), await DemoPersonAsync("journalist"));
        Task<Meeting> FindAs(Person person) => service.MeetingsAsync(person, (meetings, actor) => meetings.FindAsync(meeting.Id, actor, CancellationToken.None));

        Assert.Equal(meeting.Title, (await FindAs(member)).Title);
        await Assert.ThrowsAsync<NotFoundException>(() => FindAs(outsider));
    }

    [Fact]
    public async Task NothingIsLeftToEmailDemoPeople_AndSeedingAgainAddsNothing()
    {
        // The demo went through the real workflows, which wrote emails; none is left waiting. (Here the outbox worker
        // is already running and may send some before the demo marks the rest "not sent"; on a real first start the
        // demo is seeded before the worker starts.)
        Assert.True(await service.WithDatabaseAsync(db => db.OutboxEmails.AnyAsync(m => EF.Functions.Like(m.Key, "meeting:%"))));
        Assert.Equal(0, await service.WithDatabaseAsync(db => db.OutboxEmails.CountAsync(m => m.SentAt == null)));
        var counts = await CountsAsync();

        await service.WithServicesAsync(async s =>
        {
            await s.GetServices<IDemoContent>().OfType<DemoGroups>().Single().SeedAsync(s, CancellationToken.None);
            return true;
        });

        Assert.Equal(counts, await CountsAsync());
    }

    private Task<(int, int, int, int)> CountsAsync() => service.WithDatabaseAsync(async db =>
        (await db.Groups.CountAsync(), await db.GroupMembers.CountAsync(), await db.Meetings.CountAsync(), await db.GroupActions.CountAsync()));
}
