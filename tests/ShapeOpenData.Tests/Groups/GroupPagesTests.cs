using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>The group, meeting and action pages, used as people use them: forms, redirects, what each person sees.</summary>
public sealed class GroupPagesTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    [Fact]
    public async Task ProgrammeTeamCreatesGroup_EmptyFormShowsErrors_ThenTheGroupPageShowsIt()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var form = await session.GetAsync("/groups/new");

        var empty = await session.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains(("Enter the group's name", "Form-Name"), empty.Errors);
        Assert.Contains("Enter a short name for the group's web address", empty.Errors.Select(e => e.Message));
        Assert.Contains("Select what kind of group it is", empty.Errors.Select(e => e.Message));

        var slug = $"pages-{Guid.NewGuid():N}"[..14];
        var created = await session.SubmitAsync(form, ("Form.Name", "Address Data Working Group"), ("Form.Slug", slug), ("Form.Kind", "working_group"),
            ("Form.Purpose", "To agree how addresses are published."), ("Form.Terms", "## Scope\n\nAddresses **only**."),
            ("Form.Policy", "on_request"), ("Form.Visibility", "public"));
        Assert.Equal($"/groups/{slug}", created.Url);
        Assert.Equal("Address Data Working Group", created.Heading);
        Assert.Contains("To agree how addresses are published.", created.Text, StringComparison.Ordinal);
        Assert.Equal("Addresses only.", created.Document.QuerySelector("#terms p")!.TextContent);
        Assert.Equal("Scope", created.Document.QuerySelector("#terms h3.govuk-heading-s")!.TextContent);  // under the page's own h2
        Assert.Equal("0", created.Document.QuerySelector("#member-count")!.TextContent);

        var someone = service.NewSession();
        await someone.SignInAsync(await service.CreatePersonAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync("/groups/new")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync($"/groups/{slug}/edit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync($"/groups/{slug}/members")).Status);
    }

    [Fact]
    public async Task AskToJoin_ChairApproves_NewMemberIsToldAndCounted()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.OnRequest);
        var applicant = await service.CreatePersonAsync(name: "Asha Applicant");
        var session = service.NewSession();
        await session.SignInAsync(applicant);

        var asked = await session.SubmitAsync(await session.GetAsync($"/groups/{group.Slug}"), [new("Message", "I publish address data.")], "form[action*=Join]");
        Assert.Equal("Your request has been sent. The chair or secretariat will decide, and we will email you", asked.Flash);
        Assert.Contains("You have asked to join", asked.Text, StringComparison.Ordinal);
        var toChair = await service.Mail.WaitForAsync(chair.Email, $"Request to join {group.Name}");
        Assert.Contains("I publish address data.", toChair.TextBody, StringComparison.Ordinal);

        var chairSession = service.NewSession();
        await chairSession.SignInAsync(chair);
        var members = await chairSession.GetAsync($"/groups/{group.Slug}/members");
        Assert.Contains("Asha Applicant", members.Document.QuerySelector(".sod-request-to-join")!.TextContent, StringComparison.Ordinal);
        var approved = await chairSession.SubmitAsync(members, [], "form[action*=Approve]");
        Assert.Equal("The request has been approved and the new member told", approved.Flash);

        await service.Mail.WaitForAsync(applicant.Email, $"You are now a member of {group.Name}");
        var page = await session.GetAsync($"/groups/{group.Slug}");
        Assert.Contains("You are a member of this group (member)", page.Text, StringComparison.Ordinal);
        Assert.Equal("2", page.Document.QuerySelector("#member-count")!.TextContent);
        Assert.Contains("Asha Applicant", page.Document.QuerySelector("#members")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleMeeting_FormChecksTimes_ThenPeopleFillItAndTheWaitingListMovesUp()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.Open);
        var chairSession = service.NewSession();
        await chairSession.SignInAsync(chair);
        var form = await chairSession.GetAsync($"/meetings/new?group={group.Slug}");

        var wrong = await chairSession.SubmitAsync(form, ("Form.Title", "Planning"), ("Form.Date.Day", "28"), ("Form.Date.Month", "3"), ("Form.Date.Year", "2027"),
            ("Form.Starts", "1:30am"), ("Form.Ends", "3am"), ("Form.TimeZone", "Europe/London"), ("Form.OnlineLink", "http://insecure.example"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("Enter the online link as a full https address, like https://meet.example.com/abc", wrong.Errors.Select(e => e.Message));
        var gap = await chairSession.SubmitAsync(form, ("Form.Title", "Planning"), ("Form.Date.Day", "28"), ("Form.Date.Month", "3"), ("Form.Date.Year", "2027"),
            ("Form.Starts", "1:30am"), ("Form.Ends", "3am"), ("Form.TimeZone", "Europe/London"), ("Form.Place", "Room 2"));
        Assert.Equal("The clocks go forward on 28 March 2027, so 1:30am does not exist that day. Choose another time", gap.FieldError("Form-Starts"));

        var day = DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime).AddDays(10);
        var scheduled = await chairSession.SubmitAsync(form, ("Form.Title", "Planning meeting"), ("Form.Date.Day", day.Day.ToString(CultureInfo.InvariantCulture)),
            ("Form.Date.Month", day.Month.ToString(CultureInfo.InvariantCulture)), ("Form.Date.Year", day.Year.ToString(CultureInfo.InvariantCulture)),
            ("Form.Starts", "14:00"), ("Form.Ends", "4pm"), ("Form.TimeZone", "Europe/London"), ("Form.Place", "Room 2, 10 Victoria Street"),
            ("Form.OnlineLink", "https://meet.example.gov.uk/planning"), ("Form.Agenda", "1. Welcome"), ("Form.Capacity", "2"));
        Assert.Equal("The meeting has been scheduled and the group's members and followers told", scheduled.Flash);
        Assert.StartsWith($"{day.ToDateTime(TimeOnly.MinValue).ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, 2pm to 4pm", scheduled.Document.QuerySelector("#when")!.TextContent, StringComparison.Ordinal);
        var url = scheduled.Url;

        var (first, firstSession) = await SignedInAsync("First Person");
        var (_, secondSession) = await SignedInAsync("Second Person");
        var (third, thirdSession) = await SignedInAsync("Third Person");
        var before = await firstSession.GetAsync(url);
        Assert.Equal("The link is shown to people with a place.", before.Document.QuerySelector("#online")!.TextContent.Trim());
        Assert.DoesNotContain("meet.example.gov.uk", before.Body, StringComparison.Ordinal);

        var registered = await firstSession.SubmitAsync(before, [], "form[action*=Register]");
        Assert.Equal("You have a place. We will email you a reminder the day before", registered.Flash);
        Assert.Equal("https://meet.example.gov.uk/planning", registered.Document.QuerySelector("#online a")!.TextContent);
        await secondSession.SubmitAsync(await secondSession.GetAsync(url), [], "form[action*=Register]");
        var full = await thirdSession.GetAsync(url);
        Assert.Contains("2 of 2 taken — full", full.Document.QuerySelector("#places")!.TextContent, StringComparison.Ordinal);
        var waiting = await thirdSession.SubmitAsync(full, [], "form[action*=Register]");
        Assert.StartsWith("The meeting is full, so you are on the waiting list", waiting.Flash, StringComparison.Ordinal);
        Assert.DoesNotContain("meet.example.gov.uk", waiting.Body, StringComparison.Ordinal);

        var cancelled = await firstSession.SubmitAsync(await firstSession.GetAsync(url), [], "form[action*=CancelRegistration]");
        Assert.Equal("Your registration has been cancelled", cancelled.Flash);
        var told = await service.Mail.WaitForAsync(third.Email, "You have a place: Planning meeting");
        Assert.Contains("https://meet.example.gov.uk/planning", told.TextBody, StringComparison.Ordinal);
        var promoted = await thirdSession.GetAsync(url);
        Assert.Equal("You have a place at this meeting.", promoted.Document.QuerySelector("#registration-state")!.TextContent);
        Assert.Equal("https://meet.example.gov.uk/planning", promoted.Document.QuerySelector("#online a")!.TextContent);
        Assert.Null((await firstSession.GetAsync(url)).Document.QuerySelector("#online a"));
        _ = first;
    }

    [Fact]
    public async Task MembersOnlyGroup_ShowsOnlyItsPurposeAndSizeToOthers()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.OnRequest, membersOnly: true);
        var meeting = await service.ScheduleAsync(group, chair, title: "Closed session on health data");
        var outsider = service.NewSession();
        await outsider.SignInAsync(await service.CreatePersonAsync());

        foreach (var session in new[] { service.NewSession(), outsider })
        {
            var page = await session.GetAsync($"/groups/{group.Slug}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("To improve how data is published.", page.Text, StringComparison.Ordinal);
            Assert.Equal("1", page.Document.QuerySelector("#member-count")!.TextContent);
            Assert.NotNull(page.Document.QuerySelector("#members-only"));
            Assert.Null(page.Document.QuerySelector("#members"));
            Assert.DoesNotContain("Closed session", page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("We meet every quarter", page.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(MeetingWorkflow.UrlOf(meeting.Id))).Status);
            var meetings = await session.GetAsync("/meetings");
            Assert.Equal(HttpStatusCode.OK, meetings.Status);
            Assert.DoesNotContain("Closed session", meetings.Body, StringComparison.Ordinal);
        }

        var chairSession = service.NewSession();
        await chairSession.SignInAsync(chair);
        var asMember = await chairSession.GetAsync($"/groups/{group.Slug}");
        Assert.Contains("Closed session on health data", asMember.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/meetings.ics", asMember.Body, StringComparison.Ordinal);  // its public calendar is empty
        Assert.Contains("Closed session on health data", (await chairSession.GetAsync("/meetings")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await chairSession.GetAsync(MeetingWorkflow.UrlOf(meeting.Id))).Status);
    }

    [Fact]
    public async Task AfterTheMeeting_MinutesDecisionsAndActions_CorrectionKeepsVersionOne()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.Open);
        var member = await service.CreatePersonAsync(name: "Mo Member");
        await service.AddMemberAsync(group, member);
        var start = service.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        var meeting = await service.ScheduleAsync(group, chair, startsAt: start, title: $"Review {Guid.NewGuid():N}"[..15]);
        var chairSession = service.NewSession();
        await chairSession.SignInAsync(chair);
        var url = MeetingWorkflow.UrlOf(meeting.Id);

        Assert.DoesNotContain("Publish the minutes", (await chairSession.GetAsync(url)).Text, StringComparison.Ordinal);
        service.Clock.Advance(TimeSpan.FromDays(3));
        await chairSession.SignInAsync(chair);  // the sign-in of three days ago has lapsed

        var minutesForm = await chairSession.GetAsync($"{url}/minutes/new");
        var empty = await chairSession.SubmitAsync(minutesForm);
        Assert.Equal("Enter the minutes", empty.FieldError("Text"));
        var published = await chairSession.SubmitAsync(minutesForm, ("Text", "We reviewed the **address** data."), ("Decisions", "Publish addresses monthly\n\nAdopt the new schema"));
        Assert.Equal("The minutes have been published and attendees and followers told", published.Flash);
        Assert.Equal(["Publish addresses monthly", "Adopt the new schema"], published.Document.QuerySelectorAll("#decisions li").Select(li => li.TextContent));
        Assert.Contains("after the meeting", published.Document.QuerySelector("#days-to-minutes")!.TextContent, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(member.Email, $"Minutes published: {meeting.Title}");

        var correctionForm = await chairSession.GetAsync($"{url}/minutes/new");
        Assert.Equal("Publish a correction to the minutes", correctionForm.Heading);
        var noNote = await chairSession.SubmitAsync(correctionForm, ("Text", "We reviewed the address and postcode data."));
        Assert.Equal("Say what this correction changes", noNote.FieldError("Note"));
        var corrected = await chairSession.SubmitAsync(correctionForm, ("Text", "We reviewed the address and postcode data."), ("Note", "Postcodes were discussed too."));
        Assert.Equal("Version 2 of the minutes has been published. Earlier versions stay readable", corrected.Flash);
        Assert.Contains("postcode", corrected.Document.QuerySelector("#minutes")!.TextContent, StringComparison.Ordinal);
        var first = await chairSession.GetAsync($"{url}/minutes/1");
        Assert.Equal("We reviewed the address data.", first.Document.QuerySelector("#minutes-text")!.TextContent.Trim());
        Assert.Contains("This is not the latest version", first.Text, StringComparison.Ordinal);

        var actionForm = await chairSession.GetAsync($"/actions/new?group={group.Slug}&meeting={meeting.Id}");
        var noOwner = await chairSession.SubmitAsync(actionForm, ("Text", "Draft the schema"));
        Assert.Contains("Select who owns the action", noOwner.Errors.Select(e => e.Message));
        Assert.Contains("Enter the date it is due", noOwner.Errors.Select(e => e.Message));
        var due = DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var request = await service.SubmitRequestAsync(member, title: "Address schema as open data");
        var notARequest = await chairSession.SubmitAsync(actionForm, ("Text", "Draft the schema"), ("OwnerKind", "organisation"), ("Organisation", ""), ("Requests", "12a"));
        Assert.Contains("Enter request numbers separated by commas, like 12, 40", notARequest.Errors.Select(e => e.Message));
        Assert.Contains("Select the organisation that owns the action", notARequest.Errors.Select(e => e.Message));
        var added = await chairSession.SubmitAsync(actionForm, ("Text", "Draft the schema"), ("OwnerKind", "person"), ("Person", member.Id.ToString(CultureInfo.InvariantCulture)),
            ("Requests", request.ToString(CultureInfo.InvariantCulture)),
            ("DueOn.Day", due.Day.ToString(CultureInfo.InvariantCulture)), ("DueOn.Month", due.Month.ToString(CultureInfo.InvariantCulture)), ("DueOn.Year", due.Year.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(url, added.Url);
        Assert.Contains("Draft the schema", added.Text, StringComparison.Ordinal);
        Assert.Contains("Overdue", added.Text, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(member.Email, $"New action for you from {group.Name}");
        var requestPage = await service.NewSession().GetAsync($"/requests/{request}");
        Assert.Contains("Draft the schema", requestPage.Document.QuerySelector(".sod-actions")!.TextContent, StringComparison.Ordinal);

        var list = await service.NewSession().GetAsync($"/actions?Group={group.Slug}");
        var row = list.Document.QuerySelector(".govuk-table__body tr")!;
        Assert.Contains("Draft the schema", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mo Member", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue", row.TextContent, StringComparison.Ordinal);

        var actionId = await service.WithDatabaseAsync(db => db.GroupActions.Where(a => a.GroupId == group.Id).Select(a => a.Id).SingleAsync());
        var owner = service.NewSession();
        await owner.SignInAsync(member);
        var actionPage = await owner.GetAsync(ActionWorkflow.UrlOf(actionId));
        var noNoteDone = await owner.SubmitAsync(actionPage, ("State", "done"));
        Assert.Equal("Say what was done", noNoteDone.FieldError("Note"));
        var done = await owner.SubmitAsync(actionPage, ("State", "done"), ("Note", "Schema drafted and shared."));
        Assert.Equal("The action is now done", done.Flash);
        Assert.Contains("Schema drafted and shared.", done.Document.QuerySelector("#action-note")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await service.NewSession().GetAsync($"/actions?Group={group.Slug}")).Document.QuerySelectorAll(".govuk-table__body tr"));

        var outsider = service.NewSession();
        await outsider.SignInAsync(await service.CreatePersonAsync());
        var seenByOutsider = await outsider.GetAsync(ActionWorkflow.UrlOf(actionId));
        Assert.Null(seenByOutsider.Document.QuerySelector("main form[method=post]"));
    }

    private async Task<(Person Person, WebSession Session)> SignedInAsync(string name)
    {
        var person = await service.CreatePersonAsync(name: name);
        var session = service.NewSession();
        await session.SignInAsync(person);
        return (person, session);
    }
}
