using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Groups;

/// <summary>The steering group and the data standards working group.</summary>
internal sealed partial class DemoGroups
{
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
        db.GroupInvitations.Add(group.Invite($"chief.data.officer@{DemoAccounts.Domain}", UnusableToken(), GroupRole.Member, _people["programme"].Id, _clock.UtcNow()));
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
}
