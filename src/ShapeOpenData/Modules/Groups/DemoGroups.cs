using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// Demo groups and meetings: the steering group, three working groups and two public events, with members from
/// every sector, a request to join waiting for a decision, meetings held (attendance, minutes — one corrected —
/// and decisions), one cancelled, others coming up (one full, with a waiting list), and actions in every state,
/// some serving the demo requests. Made through the real workflows on a clock that walks forward from five
/// months ago, like the demo requests, so audit entries, follows and emails are what the service would have made.
/// </summary>
internal sealed partial class DemoGroups(IServiceProvider services, AppDbContext db, Onboarding onboarding, Items items, TimeProvider serviceClock) : IDemoContent
{
    /// <summary>People who sit on groups besides the demo accounts. They have no password: nobody signs in as them.</summary>
    private static readonly (string Key, string Name, Sector Sector)[] People =
    [
        ("helen.ward", "Helen Ward (Central Digital and Data Office)", Sector.PublicSector),
        ("richard.osei", "Richard Osei (Office for National Statistics)", Sector.PublicSector),
        ("ruth.evans", "Ruth Evans (Cabinet Office data standards team)", Sector.PublicSector),
        ("leah.morgan", "Leah Morgan (regional transport body)", Sector.PublicSector),
        ("amara.nwosu", "Dr Amara Nwosu (NHS England)", Sector.PublicSector),
        ("kemi.adebayo", "Kemi Adebayo (DHSC data team)", Sector.PublicSector),
        ("ian.fletcher", "Ian Fletcher (Information Commissioner's Office)", Sector.PublicSector),
        ("grace.liu", "Grace Liu (open data charity)", Sector.CivilSociety),
        ("ben.carter", "Ben Carter (patients' charity)", Sector.CivilSociety),
        ("marcus.bell", "Marcus Bell (technology trade association)", Sector.Business),
        ("owen.price", "Owen Price (bus operators' association)", Sector.Business),
        ("sofia.demir", "Sofia Demir (health data start-up)", Sector.Business),
        ("aisha.rahman", "Professor Aisha Rahman (university data science institute)", Sector.Academic),
        ("chloe.adams", "Chloe Adams (regional newspaper data desk)", Sector.Media),
        ("tariq.hussain", "Tariq Hussain (civic technology volunteer)", Sector.Individual),
    ];

    private const string Hall = "Room 1.02, 70 Whitehall, London SW1A 2AS";
    private const string GreatMinster = "Great Minster House, 33 Horseferry Road, London SW1P 4DR";

    private Dictionary<string, User> _people = [];
    private readonly DemoClock _clock = new(serviceClock.GetUtcNow());
    private GroupWorkflow _groups = null!;
    private MeetingWorkflow _meetings = null!;
    private ActionWorkflow _actions = null!;
    private Following _following = null!;
    private CancellationToken _cancellationToken;

    public int Order => 20;

    public async Task SeedAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        _people = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        if (!_people.ContainsKey("programme") || await db.Groups.AnyAsync(cancellationToken))
        {
            return;
        }
        _cancellationToken = cancellationToken;
        await AddPeopleAsync();
        _following = ActivatorUtilities.CreateInstance<Following>(services, _clock);
        var notifier = ActivatorUtilities.CreateInstance<Notifier>(services, _clock);
        _meetings = ActivatorUtilities.CreateInstance<MeetingWorkflow>(services, _clock, _following, notifier);
        _groups = ActivatorUtilities.CreateInstance<GroupWorkflow>(services, _clock, _following, notifier, _meetings);
        _actions = ActivatorUtilities.CreateInstance<ActionWorkflow>(services, _clock, notifier);

        // Each group's story reads what it changes: letting go of the last one's keeps every save from looking over them all.
        foreach (var story in new Func<Task>[] { SteeringGroupAsync, DataStandardsAsync, TransportAsync, HealthAsync, EventsAsync })
        {
            await story();
            db.ChangeTracker.Clear();
        }

        // Reminders that fell due before today count as sent, as they would have been.
        _clock.Now = serviceClock.GetUtcNow();
        await ActivatorUtilities.CreateInstance<GroupReminders>(services, _clock, notifier, _actions).SendDueAsync(cancellationToken);
        // Demo people are not real: what the demo "sent" them is marked sent without going anywhere.
        await services.GetRequiredService<Notifier>().DiscardPendingAsync("Demo content: not sent", cancellationToken);
    }

    private async Task<Group> CreateAsync(string slug, GroupDetails details) =>
        await _groups.CreateAsync(slug, details, await AsAsync("programme"), _cancellationToken);

    /// <summary>A founding or invited member: invited by the programme team and accepted, as the invitation link would do it.</summary>
    private async Task EnrolAsync(Group group, string person, GroupRole role)
    {
        var user = _people[person];
        var now = _clock.UtcNow();
        await db.Entry(group).Collection(g => g.Members).LoadAsync(_cancellationToken);
        var invitation = group.Invite(user.Email!, UnusableToken(), role, _people["programme"].Id, now.AddDays(-2));
        db.GroupInvitations.Add(invitation);
        var member = group.AcceptInvitation(invitation, user.Id, user.Email, now);
        await _following.FollowAsync(user.Id, GroupsModule.GroupItemType, group.Id, asked: true, _cancellationToken);
        db.AuditEntries.Add(AuditEntry.Of(GroupsModule.GroupItemType, group.Id, "accepted_invitation", user.Id, now, null, MemberSnapshot.Of(member)));
        await db.SaveChangesAsync(_cancellationToken);
    }

    private async Task SetRoleAsync(Group group, string person, GroupRole role, string runner)
    {
        var memberId = await db.GroupMembers.Where(m => m.GroupId == group.Id && m.UserId == _people[person].Id).Select(m => m.Id).SingleAsync(_cancellationToken);
        await _groups.SetRoleAsync(group.Slug, memberId, role, await AsAsync(runner), _cancellationToken);
    }

    private async Task<Meeting> ScheduleAsync(
        string? groupSlug, string organiser, string title, DateTime startsAt, double hours, string? place, string? onlineLink, string agenda, int? capacity = null) =>
        await _meetings.ScheduleAsync(groupSlug,
            new MeetingDetails(title, startsAt, startsAt.AddHours(hours), MeetingTimes.DefaultTimeZone, place, onlineLink, agenda, capacity),
            await AsAsync(organiser), _cancellationToken);

    /// <summary>Registrations a few hours apart, so the waiting list has an order.</summary>
    private async Task RegisterAsync(Meeting meeting, params IEnumerable<string> people)
    {
        foreach (var person in people.Where(_people.ContainsKey))
        {
            _clock.Now = _clock.Now.AddHours(3);
            await _meetings.RegisterAsync(meeting.Id, await AsAsync(person), _cancellationToken);
        }
    }

    /// <summary>The secretariat records who came straight after the meeting and publishes the minutes two days later.</summary>
    private async Task HoldAsync(Meeting meeting, string runner, int attended, string[] absent, string minutes, IReadOnlyList<string> decisions)
    {
        _clock.Now = new DateTimeOffset(meeting.EndsAt.AddHours(1), TimeSpan.Zero);
        var missing = absent.Where(_people.ContainsKey).Select(p => _people[p].Id).ToList();
        var came = meeting.Registrations.Where(r => r.State == RegistrationState.Registered && !missing.Contains(r.UserId)).Select(r => r.UserId).ToList();
        await _meetings.RecordAttendanceAsync(meeting.Id, attended, came, await AsAsync(runner), _cancellationToken);
        _clock.Advance(2);
        await _meetings.PublishMinutesAsync(meeting.Id, minutes, null, decisions, await AsAsync(runner), _cancellationToken);
    }

    private async Task<GroupAction> AddActionAsync(
        string groupSlug, Meeting meeting, string runner, string text, string? owner, string? organisation, int dueInDays, params string[] requestTitles)
    {
        int? organisationId = organisation is null ? null : await db.Organisations.Where(o => o.Slug == organisation).Select(o => o.Id).SingleAsync(_cancellationToken);
        var requests = new List<int>();
        foreach (var title in requestTitles)
        {
            if (await items.Traceable(ItemTypes.Request).FindAsync(title, _cancellationToken) is { } request) requests.Add(request.Id);
        }
        return await _actions.AddAsync(groupSlug, meeting.Id,
            new NewAction(text, owner is null ? null : _people[owner].Id, organisationId, serviceClock.Today().AddDays(dueInDays), requests),
            await AsAsync(runner), _cancellationToken);
    }

    /// <summary>Demo supporters and group people, in a fixed order, for filling events.</summary>
    private IEnumerable<string> Crowd() =>
        _people.Keys.Where(k => k.StartsWith("supporter", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Concat(People.Select(p => p.Key));

    private Task<ClaimsPrincipal> AsAsync(string person) => DemoAccounts.PrincipalAsync(db, _people[person]);

    private void Days(int fromToday) => _clock.Now = serviceClock.GetUtcNow().AddDays(fromToday);

    /// <summary>A London wall-clock time that many days from today, moved off the weekend to the Monday.</summary>
    private DateTime At(int days, int hour, int minute = 0)
    {
        var day = serviceClock.Today().AddDays(days);
        day = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
        return MeetingTimes.ToUtc(day, new TimeOnly(hour, minute), MeetingTimes.DefaultTimeZone, out _);
    }

    /// <summary>The first Saturday at least that many days from today, at a London time.</summary>
    private DateTime Saturday(int days, int hour)
    {
        var day = serviceClock.Today().AddDays(days);
        day = day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);
        return MeetingTimes.ToUtc(day, new TimeOnly(hour, 0), MeetingTimes.DefaultTimeZone, out _);
    }

    private static string UnusableToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    private async Task AddPeopleAsync()
    {
        foreach (var (key, name, sector) in People)
        {
            var (user, errors) = await onboarding.AddAsync(new NewPerson($"{key}@{DemoAccounts.Domain}", name), _cancellationToken);
            if (user is null)
            {
                throw new InvalidOperationException($"Demo group member {key}: {string.Join("; ", errors)}");
            }
            user.Sector = sector;
            _people[key] = user;
        }
        await db.SaveChangesAsync(_cancellationToken);
    }
}
