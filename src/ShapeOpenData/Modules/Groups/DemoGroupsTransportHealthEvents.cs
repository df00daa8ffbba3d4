namespace ShapeOpenData.Modules.Groups;

/// <summary>The transport and health working groups and the public events.</summary>
internal sealed partial class DemoGroups
{
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
}
