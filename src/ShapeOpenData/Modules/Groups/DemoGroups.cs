using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// Demo groups and meetings: the steering group, three working groups and two public events, with members from
/// every sector, a request to join waiting for a decision, meetings held (attendance, minutes — one corrected —
/// and decisions), one cancelled, others coming up (one full, with a waiting list), and actions in every state,
/// some serving the demo requests. Made through the real workflows on a clock that walks forward from five
/// months ago, like the demo requests, so audit entries, follows and emails are what the service would have made.
/// </summary>
internal sealed class DemoGroups(IServiceProvider services, AppDbContext db, Onboarding onboarding) : IDemoContent
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
    private readonly DemoClock _clock = new(DateTimeOffset.UtcNow);
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
        _groups = ActivatorUtilities.CreateInstance<GroupWorkflow>(services, _clock, _following, notifier);
        _meetings = ActivatorUtilities.CreateInstance<MeetingWorkflow>(services, _clock, _following, notifier);
        _actions = ActivatorUtilities.CreateInstance<ActionWorkflow>(services, _clock, notifier);

        await SteeringGroupAsync();
        await DataStandardsAsync();
        await TransportAsync();
        await HealthAsync();
        await EventsAsync();

        // Reminders that fell due before today count as sent, as they would have been.
        _clock.Now = DateTimeOffset.UtcNow;
        await ActivatorUtilities.CreateInstance<GroupReminders>(services, _clock, notifier, _actions).SendDueAsync(cancellationToken);
        // Demo people are not real: what the demo "sent" them is marked sent without going anywhere.
        await db.OutboxEmails.Where(m => m.SentAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, DateTime.UtcNow).SetProperty(m => m.LastError, "Demo content: not sent"), cancellationToken);
    }

    private async Task SteeringGroupAsync()
    {
        Days(-150);
        var group = await CreateAsync("steering-group", new GroupDetails("Open Data Steering Group", GroupKind.SteeringGroup,
            "Sets the priorities of the open data programme, agrees which datasets government publishes first, and holds departments and the working groups to account for what they committed to.",
            """
            ## Purpose

            The steering group sets the direction of the open data programme and checks its progress every quarter.

            ## Membership

            Members are invited by the programme team so that government, business, civil society and research are all represented. Observers may attend but do not take part in decisions.

            ## Ways of working

            - We meet every quarter, in person with an online option.
            - Papers go out a week before each meeting.
            - Minutes and decisions are published within 10 working days.
            """, MembershipPolicy.ByInvitation, MembersOnly: false, IsClosed: false));
        (string, GroupRole)[] members =
        [
            ("helen.ward", GroupRole.Chair), ("programme", GroupRole.Secretariat), ("richard.osei", GroupRole.Member), ("grace.liu", GroupRole.Member),
            ("marcus.bell", GroupRole.Member), ("aisha.rahman", GroupRole.Member), ("publisher.defra", GroupRole.Member), ("council", GroupRole.Member),
            ("ian.fletcher", GroupRole.Observer),
        ];
        foreach (var (person, role) in members)
        {
            await EnrolAsync(group, person, role);
            _clock.Advance(1);
        }
        // An invitation not yet taken up; its link was never known to anyone, so it cannot be used.
        Days(-6);
        db.GroupInvitations.Add(new GroupInvitation
        {
            GroupId = group.Id, Email = $"chief.data.officer@{DemoAccounts.Domain}", TokenHash = UnusableToken(), Role = GroupRole.Member,
            InvitedById = _people["programme"].Id, CreatedAt = _clock.UtcNow(), ExpiresAt = _clock.UtcNow() + GroupInvitation.Lifetime,
        });
        await db.SaveChangesAsync(_cancellationToken);

        Days(-80);
        var quarterly = await ScheduleAsync(group.Slug, "programme", "Steering group: quarterly meeting", At(-48, 14), 2, Hall, "https://meet.example.gov.uk/steering-q3",
            """
            1. Welcome and apologies
            2. Progress since the last meeting
            3. High-value datasets for next year
            4. Reports from the working groups
            5. Any other business
            """);
        await RegisterAsync(quarterly, "helen.ward", "programme", "richard.osei", "grace.liu", "marcus.bell", "aisha.rahman", "publisher.defra", "council", "ian.fletcher");
        await HoldAsync(quarterly, "programme", attended: 10, [], """
            ## Present

            Helen Ward (chair), Priya Programme (secretariat), Richard Osei, Grace Liu, Marcus Bell, Professor Aisha Rahman, Dee Publisher (Defra) and Kim (county council). Ian Fletcher attended as an observer, and a guest from the Department for Transport presented item 4.

            ## Apologies

            Ofsted.

            ## 2. Progress since the last meeting

            The secretariat reported 26 dataset requests received in the quarter; 5 were answered with data. Requests to the Department for Transport were answered fastest.

            ## 3. High-value datasets

            Members from business and civil society asked that transport and environment data come first, as most requests are about them. Departments asked for time to check the data for personal information before committing to dates.

            ## 4. Reports from the working groups

            The chairs reported. The health data access group will publish a summary of its work for people who are not members.
            """,
            [
                "Departments publish the datasets on the agreed high-value list by the end of the next financial year.",
                "Transport and environment data come first in next quarter's publication plan.",
                "Each working group publishes its minutes within 10 working days of a meeting.",
            ]);
        await AddActionAsync(group.Slug, quarterly, "programme", "Agree the list of high-value datasets for next year with each department's chief data officer",
            null, "cabinet-office", dueInDays: -6);
        await AddActionAsync(group.Slug, quarterly, "programme", "Publish the programme's quarterly progress report, with every open action from the groups",
            "programme", null, dueInDays: 18);
        Days(-40);
        await _meetings.PublishMinutesAsync(quarterly.Id, quarterly.LatestMinutes!.Text.Replace("Ofsted.", "Ofsted and HM Treasury.", StringComparison.Ordinal)
                .Replace("26 dataset requests", "24 dataset requests", StringComparison.Ordinal),
            "Added HM Treasury to the apologies, and corrected the number of requests received in the quarter from 26 to 24.", [], await AsAsync("programme"), _cancellationToken);

        Days(-10);
        var next = await ScheduleAsync(group.Slug, "programme", "Steering group: quarterly meeting", At(20, 14), 2, Hall, "https://meet.example.gov.uk/steering-q4",
            """
            1. Welcome and apologies
            2. Actions from the last meeting
            3. The high-value dataset list: departments' responses
            4. The programme's quarterly progress report
            5. Any other business
            """);
        await RegisterAsync(next, "helen.ward", "programme", "grace.liu", "aisha.rahman", "council");
    }

    private async Task DataStandardsAsync()
    {
        Days(-140);
        var group = await CreateAsync("data-standards", new GroupDetails("Data Standards Working Group", GroupKind.WorkingGroup,
            "Agrees practical standards for publishing government data — formats, dates, codes and metadata — so that data from different publishers can be used together. Anyone with an account can join.",
            """
            ## Purpose

            To agree and explain the standards publishers should follow, and to hear from the people who use the data where the standards fall short.

            ## Membership

            Open to anyone with an account. The chair and secretariat are appointed by the programme team.

            ## Ways of working

            - We meet every six to eight weeks, online.
            - Draft guidance is shared with the group for comment before it is published.
            """, MembershipPolicy.Open, MembersOnly: false, IsClosed: false));
        await EnrolAsync(group, "council", GroupRole.Chair);
        await EnrolAsync(group, "ruth.evans", GroupRole.Secretariat);
        string[] joiners =
        [
            "researcher", "startup", "charity", "publisher.dfe", "grace.liu", "tariq.hussain", "marcus.bell", "chloe.adams", "richard.osei",
            "supporter01", "supporter02", "supporter03", "supporter04", "supporter05", "supporter06",
        ];
        foreach (var person in joiners.Where(_people.ContainsKey))
        {
            _clock.Advance(2);
            await _groups.JoinAsync(group.Slug, null, await AsAsync(person), _cancellationToken);
        }
        await SetRoleAsync(group, "richard.osei", GroupRole.Observer, "ruth.evans");

        Days(-60);
        var dates = await ScheduleAsync(group.Slug, "ruth.evans", "Dates, times and time zones in published data", At(-30, 10), 2, null, "https://meet.example.gov.uk/data-standards-dates",
            """
            1. Welcome
            2. What goes wrong with dates in published CSV files: examples from members
            3. Proposal: ISO 8601 dates and times, with the time zone stated
            4. Next steps
            """, capacity: 40);
        await RegisterAsync(dates, "council", "ruth.evans", "researcher", "startup", "charity", "publisher.dfe", "grace.liu", "tariq.hussain", "chloe.adams",
            "supporter01", "supporter03", "supporter05");
        await HoldAsync(dates, "ruth.evans", attended: 14, ["supporter03", "supporter05"], """
            ## Present

            Kim (chair), Ruth Evans (secretariat) and 11 members. Richard Osei attended as an observer.

            ## 2. What goes wrong with dates

            Members shared examples: dates written as 03/04/2025 that spreadsheets read as 4 March in some places and 3 April in others; times without a time zone around the clock changes; financial years written five different ways.

            ## 3. Proposal

            The group supported writing dates as 2025-04-03 and times with their offset, like 2025-04-03T09:30:00+01:00. Publishers asked for examples they can copy.

            ## 4. Next steps

            The secretariat will draft short guidance with examples.
            """,
            [
                "Dates in published data are written in ISO 8601 form (2025-04-03).",
                "Times are published with their offset from UTC, or in UTC.",
            ]);
        var guidance = await AddActionAsync(group.Slug, dates, "ruth.evans", "Draft guidance on writing dates and times in published data, with examples", "ruth.evans", null, dueInDays: -10);
        var survey = await AddActionAsync(group.Slug, dates, "ruth.evans", "Survey publishers about the character encodings they use for CSV files", "grace.liu", null, dueInDays: 5);
        Days(-15);
        await _actions.UpdateAsync(survey.Id, ActionState.Dropped,
            "The Government Digital Service ran the same survey this year and has agreed to share its results with the group, so we will not ask publishers twice.",
            await AsAsync("ruth.evans"), _cancellationToken);
        Days(-12);
        await _actions.UpdateAsync(guidance.Id, ActionState.Done,
            "Draft guidance shared with the group for comment. It covers dates, times, time zones and financial years, with an example for each.",
            await AsAsync("ruth.evans"), _cancellationToken);

        Days(-20);
        var addresses = await ScheduleAsync(group.Slug, "ruth.evans", "Extra session: publishing addresses and postcodes", At(6, 15), 1.5, null,
            "https://meet.example.gov.uk/data-standards-addresses", "1. How publishers write addresses today\n2. Using the Unique Property Reference Number", capacity: 40);
        await RegisterAsync(addresses, "council", "ruth.evans", "startup", "tariq.hussain", "supporter02");
        Days(-3);
        await _meetings.CancelAsync(addresses.Id,
            "The session leads are needed at the address data consultation that afternoon. We will find a new date and tell everyone who registered.",
            await AsAsync("ruth.evans"), _cancellationToken);

        Days(-8);
        var csv = await ScheduleAsync(group.Slug, "ruth.evans", "Publishing CSV files that open correctly in spreadsheets", At(9, 10), 1.5, null,
            "https://meet.example.gov.uk/data-standards-csv",
            """
            1. Comments on the draft guidance on dates and times
            2. Character encodings: results of the survey by the Government Digital Service
            3. Leading zeros, long numbers and other things spreadsheets change
            """, capacity: 40);
        await RegisterAsync(csv, "council", "ruth.evans", "researcher", "startup", "publisher.dfe", "grace.liu", "marcus.bell", "supporter04", "supporter06", "chloe.adams");
    }

    private async Task TransportAsync()
    {
        Days(-130);
        var group = await CreateAsync("transport-data", new GroupDetails("Transport Data Working Group", GroupKind.WorkingGroup,
            "Brings together the Department for Transport, operators and the people who build on transport data, to decide which transport data is published next and in what form.",
            """
            ## Purpose

            To improve the transport data government publishes: what is published, how often, and in what form.

            ## Membership

            People who publish or use transport data may ask to join; the chair or secretariat approves requests so the group stays balanced between publishers and users.

            ## Ways of working

            - We meet every two months, at the Department for Transport with an online option.
            - Actions are owned by a member or an organisation, and reported at each meeting.
            """, MembershipPolicy.OnRequest, MembersOnly: false, IsClosed: false));
        await EnrolAsync(group, "publisher.dft", GroupRole.Chair);
        await EnrolAsync(group, "leah.morgan", GroupRole.Secretariat);
        (string Person, string Message)[] requests =
        [
            ("startup", "We build a journey planner and use the bus data every day."),
            ("owen.price", "I represent bus operators outside London."),
            ("researcher", "I research how punctuality affects who uses buses."),
            ("journalist", "I report on transport and would like to follow the group's work."),
        ];
        foreach (var (person, message) in requests)
        {
            _clock.Advance(3);
            var member = await _groups.JoinAsync(group.Slug, message, await AsAsync(person), _cancellationToken);
            _clock.Advance(1);
            await _groups.DecideAsync(group.Slug, member.Id, approve: true, await AsAsync("leah.morgan"), _cancellationToken);
        }
        await SetRoleAsync(group, "journalist", GroupRole.Observer, "leah.morgan");

        Days(-45);
        var punctuality = await ScheduleAsync(group.Slug, "leah.morgan", "Bus and rail punctuality data", At(-20, 13, 30), 2, GreatMinster, "https://meet.example.gov.uk/transport-punctuality",
            """
            1. Welcome
            2. The request for bus punctuality by operator
            3. Real-time chargepoint availability: what users need
            4. Any other business
            """, capacity: 20);
        await RegisterAsync(punctuality, "publisher.dft", "leah.morgan", "startup", "owen.price", "researcher", "journalist", "supporter07", "supporter08", "supporter09");
        await HoldAsync(punctuality, "leah.morgan", attended: 11, ["supporter09"], """
            ## Present

            Tom Publisher (DfT, chair), Leah Morgan (secretariat), Sam, Owen Price, Dr Rao, two guests who registered and three colleagues from the Department for Transport. Jo attended as an observer.

            ## 2. Bus punctuality by operator

            The department confirmed it holds punctuality figures for every operator and can publish them monthly as CSV. Operators asked that figures be shown alongside the causes of delay they do not control, such as roadworks.

            ## 3. Chargepoint availability

            Users need to know whether a chargepoint is working and free now, not last week. The department will scope an open feed.
            """,
            [
                "Bus punctuality by operator is published monthly as CSV.",
                "The department scopes an open feed of public chargepoint availability before the next meeting.",
            ]);
        var buses = await AddActionAsync(group.Slug, punctuality, "leah.morgan", "Publish bus punctuality by operator as CSV, updated monthly", null, "department-for-transport",
            dueInDays: -5, "Bus punctuality by route for every English bus operator");
        await AddActionAsync(group.Slug, punctuality, "leah.morgan", "Scope an open feed of public chargepoint availability", null, "department-for-transport",
            dueInDays: 25, "Real-time availability of public electric vehicle chargepoints");
        await AddActionAsync(group.Slug, punctuality, "leah.morgan", "Write down the fields a journey planner needs from real-time bus data", "startup", null, dueInDays: -3);
        Days(-8);
        await _actions.UpdateAsync(buses.Id, ActionState.Done,
            "Published with this month's figures. The dataset page links to the CSV and to a note on how delays are counted.", await AsAsync("publisher.dft"), _cancellationToken);

        Days(-12);
        var workshop = await ScheduleAsync(group.Slug, "leah.morgan", "Workshop: testing the chargepoint availability feed", At(14, 10), 3, GreatMinster, null,
            "1. A first look at the feed\n2. Testing it with real journeys\n3. What is missing", capacity: 12);
        await RegisterAsync(workshop, "publisher.dft", "leah.morgan", "startup", "owen.price", "supporter07", "supporter10");

        // A request still waiting for the chair or secretariat.
        Days(-4);
        await _groups.JoinAsync(group.Slug, "I take the bus to work every day and would like to help test the new punctuality data.", await AsAsync("resident"), _cancellationToken);
    }

    private async Task HealthAsync()
    {
        Days(-120);
        var group = await CreateAsync("health-data-access", new GroupDetails("Health Data Access Group", GroupKind.WorkingGroup,
            "Advises on opening up health and care data safely: what can be published openly, what needs a trusted research environment, and how to explain the difference to data users.",
            """
            ## Purpose

            To help the Department of Health and Social Care and the NHS publish more health data, safely.

            ## Membership

            On request. Because the group discusses data before it is published, its meetings, minutes and actions are for members only; the group's purpose and size are public.

            ## Ways of working

            - We meet every two months, online.
            - Members do not share papers outside the group before they are published.
            """, MembershipPolicy.OnRequest, MembersOnly: true, IsClosed: false));
        await EnrolAsync(group, "amara.nwosu", GroupRole.Chair);
        await EnrolAsync(group, "kemi.adebayo", GroupRole.Secretariat);
        (string Person, string Message)[] requests =
        [
            ("researcher", "I use hospital activity data in my research."),
            ("ben.carter", "Our charity answers patients' questions about waiting times."),
            ("sofia.demir", "We build tools that help people find a GP appointment."),
            ("ian.fletcher", "The Information Commissioner's Office would like to observe."),
        ];
        foreach (var (person, message) in requests)
        {
            _clock.Advance(2);
            var member = await _groups.JoinAsync(group.Slug, message, await AsAsync(person), _cancellationToken);
            _clock.Advance(1);
            await _groups.DecideAsync(group.Slug, member.Id, approve: true, await AsAsync("amara.nwosu"), _cancellationToken);
        }
        await SetRoleAsync(group, "ian.fletcher", GroupRole.Observer, "kemi.adebayo");

        Days(-60);
        var waiting = await ScheduleAsync(group.Slug, "kemi.adebayo", "Access to hospital waiting times data", At(-35, 11), 1.5, null, "https://meet.example.gov.uk/health-waiting-times",
            "1. The request for weekly A&E waiting times by trust\n2. Disclosure risk in small trusts\n3. Explaining the five safes", capacity: 15);
        await RegisterAsync(waiting, "amara.nwosu", "kemi.adebayo", "researcher", "ben.carter", "sofia.demir", "ian.fletcher");
        await HoldAsync(waiting, "kemi.adebayo", attended: 7, [], """
            ## Present

            Dr Amara Nwosu (chair), Kemi Adebayo (secretariat), Dr Rao, Ben Carter, Sofia Demir and a guest from NHS England's statistics team. Ian Fletcher attended as an observer.

            ## 1. Weekly A&E waiting times by trust

            Members agreed the figures would help patients and researchers. For small trusts, weekly counts could be low enough to identify people; the department will assess the risk before deciding.

            ## 3. The five safes

            Data users often do not know why some data is open and some is only in a trusted research environment. A short explainer would help.
            """,
            [
                "Weekly A&E waiting times are published by trust unless the disclosure assessment finds a risk that cannot be managed.",
                "The group publishes a plain-English explainer of the five safes.",
            ]);
        await AddActionAsync(group.Slug, waiting, "kemi.adebayo", "Assess the risk of identifying patients in weekly A&E waiting times by trust", null, "department-of-health-and-social-care",
            dueInDays: 3, "Accident and emergency waiting times by hospital trust, weekly");
        var explainer = await AddActionAsync(group.Slug, waiting, "kemi.adebayo", "Write a plain-English explainer of the five safes for data users", "researcher", null, dueInDays: -15);
        var appointments = await AddActionAsync(group.Slug, waiting, "kemi.adebayo", "Publish GP appointment availability by practice", null, "department-of-health-and-social-care",
            dueInDays: -2, "GP appointment availability by practice");
        Days(-16);
        await _actions.UpdateAsync(explainer.Id, ActionState.Done, "Written with the charity members and published on the group's page.", await AsAsync("researcher"), _cancellationToken);
        Days(-10);
        await _actions.UpdateAsync(appointments.Id, ActionState.Dropped,
            "The request was withdrawn: the requester found the figures on practice websites, and NHS England now publishes them monthly.", await AsAsync("kemi.adebayo"), _cancellationToken);

        Days(-9);
        var environments = await ScheduleAsync(group.Slug, "kemi.adebayo", "Trusted research environments: what data users need", At(28, 11), 1.5, null,
            "https://meet.example.gov.uk/health-tre", "1. The disclosure assessment of A&E waiting times\n2. Trusted research environments: a demonstration", capacity: 15);
        await RegisterAsync(environments, "amara.nwosu", "kemi.adebayo", "researcher", "ben.carter");
    }

    private async Task EventsAsync()
    {
        Days(-14);
        var webinar = await ScheduleAsync(null, "programme", "Webinar: getting started with publishing open data", At(10, 12, 30), 1, null, "https://meet.example.gov.uk/webinar-getting-started",
            """
            A one-hour introduction for people in the public sector who are about to publish data for the first time.

            1. What open data is, and the Open Government Licence
            2. Choosing a format: CSV, and when to use something else
            3. Describing your data so people can find it
            4. Questions
            """);
        await RegisterAsync(webinar, [.. Crowd().Skip(10).Take(12), "council", "publisher.dfe"]);

        // A Saturday workshop with 30 places: full, with people waiting.
        Days(-21);
        var day = await ScheduleAsync(null, "programme", "Open Data Day: community data workshop, Leeds", Saturday(24, 10), 6,
            "Leeds Central Library, Calverley Street, Leeds LS1 3AB", null,
            """
            A free day for anyone who wants to use open data about their area: local groups, students, journalists and the curious.

            - 10am: welcome and short talks
            - 11am: find and explore data about your neighbourhood, with help from publishers
            - 1pm: lunch (provided)
            - 2pm: build something in small teams
            - 3:30pm: show and tell
            """, capacity: 30);
        var crowd = Crowd().Take(31).ToList();
        await RegisterAsync(day, ["resident", "charity", .. crowd]);
        _clock.Advance(2);
        // Someone gives up their place: the first person waiting takes it, and is told.
        await _meetings.CancelRegistrationAsync(day.Id, await AsAsync(crowd[0]), _cancellationToken);
        _clock.Advance(1);
        await RegisterAsync(day, "journalist");
    }

    private async Task<Group> CreateAsync(string slug, GroupDetails details) =>
        await _groups.CreateAsync(slug, details, await AsAsync("programme"), _cancellationToken);

    /// <summary>A founding or invited member: invited by the programme team and accepted, as the invitation link would do it.</summary>
    private async Task EnrolAsync(Group group, string person, GroupRole role)
    {
        var user = _people[person];
        var now = _clock.UtcNow();
        db.GroupInvitations.Add(new GroupInvitation
        {
            GroupId = group.Id, Email = user.Email!, TokenHash = UnusableToken(), Role = role, InvitedById = _people["programme"].Id,
            CreatedAt = now.AddDays(-2), ExpiresAt = now.AddDays(-2) + GroupInvitation.Lifetime, AcceptedAt = now,
        });
        var member = new GroupMember { GroupId = group.Id, UserId = user.Id, Role = role, State = MemberState.Active, CreatedAt = now, JoinedAt = now };
        db.GroupMembers.Add(member);
        await _following.FollowAsync(user.Id, GroupsModule.GroupItemType, group.Id, _cancellationToken);
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
        var requests = await db.DatasetRequests.Where(r => requestTitles.Contains(r.Title) && !r.IsConfidential).Select(r => r.Id).ToListAsync(_cancellationToken);
        return await _actions.AddAsync(groupSlug, meeting.Id,
            new NewAction(text, owner is null ? null : _people[owner].Id, organisationId, TimeProvider.System.Today().AddDays(dueInDays), requests),
            await AsAsync(runner), _cancellationToken);
    }

    /// <summary>Demo supporters and group people, in a fixed order, for filling events.</summary>
    private IEnumerable<string> Crowd() =>
        _people.Keys.Where(k => k.StartsWith("supporter", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Concat(People.Select(p => p.Key));

    private Task<ClaimsPrincipal> AsAsync(string person) => DemoAccounts.PrincipalAsync(db, _people[person]);

    private void Days(int fromToday) => _clock.Now = DateTimeOffset.UtcNow.AddDays(fromToday);

    /// <summary>A London wall-clock time that many days from today, moved off the weekend to the Monday.</summary>
    private static DateTime At(int days, int hour, int minute = 0)
    {
        var day = TimeProvider.System.Today().AddDays(days);
        day = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
        return MeetingTimes.ToUtc(day, new TimeOnly(hour, minute), MeetingTimes.DefaultTimeZone, out _);
    }

    /// <summary>The first Saturday at least that many days from today, at a London time.</summary>
    private static DateTime Saturday(int days, int hour)
    {
        var day = TimeProvider.System.Today().AddDays(days);
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
