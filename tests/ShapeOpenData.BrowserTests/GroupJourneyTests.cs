using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.BrowserTests;

/// <summary>
/// A working group's life in Chromium, with and without JavaScript: the programme team creates it and invites
/// its chair by email; someone asks to join and the chair approves; the chair schedules a meeting that fills
/// up, with one person on the waiting list who is promoted and told when someone cancels; after the meeting
/// the chair records attendance, publishes minutes with decisions and two actions, then a correction that
/// makes version 2 while version 1 stays readable. axe-core checks every page.
/// </summary>
public sealed class GroupJourneyTests(BrowserFixture service) : BrowserTest(service)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task JoinMeetWaitingListMinutesActionsAndACorrection(bool javaScript)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var slug = $"journey-{suffix}";
        var programme = await Service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, name: "Pat Programme");
        var chair = await Service.CreatePersonAsync(name: "Chris Chair");
        var applicant = await Service.CreatePersonAsync(name: "Ada Applicant");
        var second = await Service.CreatePersonAsync(name: "Sam Second");
        var waiting = await Service.CreatePersonAsync(name: "Wes Waiting");

        // The programme team creates the group and invites its chair.
        var team = await SignedInPageAsync(programme, javaScript);
        await team.GotoAsync("/groups");
        await team.AssertAccessibleAsync();
        await team.GetByRole(AriaRole.Link, new() { Name = "Create a group" }).ClickToNavigateAsync();
        await team.AssertAccessibleAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickToNavigateAsync();
        Assert.StartsWith("Error: ", await team.TitleAsync(), StringComparison.Ordinal);
        await team.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        await team.GetByLabel("Name", new() { Exact = true }).FillAsync($"Journey Working Group {suffix}");
        await team.GetByLabel("Short name for web addresses").FillAsync(slug);
        await team.GetByLabel("Working group").CheckAsync();
        await team.GetByLabel("What is the group for?").FillAsync("To improve how transport data is published.");
        await team.GetByLabel("On request: the chair or secretariat approves").CheckAsync();
        await team.GetByLabel("Public", new() { Exact = true }).CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickToNavigateAsync();
        Assert.EndsWith($"/groups/{slug}", team.Url, StringComparison.Ordinal);
        await team.AssertAccessibleAsync();
        await team.GetByRole(AriaRole.Link, new() { Name = "Manage members" }).ClickToNavigateAsync();
        await team.AssertAccessibleAsync();
        await team.GetByLabel("Email address").FillAsync(chair.Email);
        await team.GetByLabel("Chair", new() { Exact = true }).CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickToNavigateAsync();
        Assert.Contains($"An invitation has been emailed to {chair.Email}", await team.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);

        var chairing = await SignedInPageAsync(chair, javaScript);
        var invitation = await Service.Mail.WaitForAsync(chair.Email, "You are invited to join");
        await chairing.GotoAsync(MailCatcher.LinkIn(invitation));
        await chairing.AssertAccessibleAsync();
        await chairing.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickToNavigateAsync();
        Assert.Contains("You are a member of this group (chair)", await chairing.Locator("#membership").TextContentAsync(), StringComparison.Ordinal);

        // Someone asks to join; the chair approves.
        var asking = await SignedInPageAsync(applicant, javaScript);
        await asking.GotoAsync($"/groups/{slug}");
        await asking.AssertAccessibleAsync();
        await asking.GetByLabel("Why do you want to join? (optional)").FillAsync("I analyse bus data.");
        await asking.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickToNavigateAsync();
        Assert.Contains("You have asked to join", await asking.Locator("#membership").TextContentAsync(), StringComparison.Ordinal);
        await Service.Mail.WaitForAsync(chair.Email, "Request to join");
        await chairing.GotoAsync($"/groups/{slug}/members");
        await chairing.AssertAccessibleAsync();
        await chairing.GetByRole(AriaRole.Button, new() { Name = "Approve Ada Applicant" }).ClickToNavigateAsync();
        await Service.Mail.WaitForAsync(applicant.Email, "You are now a member of");
        await asking.GotoAsync($"/groups/{slug}");
        Assert.Contains("You are a member of this group (member)", await asking.Locator("#membership").TextContentAsync(), StringComparison.Ordinal);

        // The chair schedules a meeting with two places.
        await chairing.GotoAsync($"/groups/{slug}");
        await chairing.GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" }).ClickToNavigateAsync();
        await chairing.AssertAccessibleAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        await chairing.GetByLabel("Title").FillAsync("Bus data quarterly meeting");
        await chairing.GetByLabel("Day").FillAsync(day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await chairing.GetByLabel("Month").FillAsync(day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await chairing.GetByLabel("Year").FillAsync(day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await chairing.GetByLabel("Start time").FillAsync("10am");
        await chairing.GetByLabel("End time").FillAsync("12:00");
        await chairing.GetByLabel("Place (optional if online)").FillAsync("Great Minster House, London");
        await chairing.GetByLabel("Online link (optional if in person)").FillAsync("https://meet.example.gov.uk/bus-data");
        await chairing.GetByLabel("Agenda").FillAsync("1. Welcome\n2. Punctuality data");
        await chairing.GetByLabel("Number of places (optional)").FillAsync("2");
        await chairing.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" }).ClickToNavigateAsync();
        await chairing.AssertAccessibleAsync();
        var meetingUrl = new Uri(chairing.Url).AbsolutePath;
        var meetingId = int.Parse(meetingUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // People register until it is full; the next joins the waiting list.
        await RegisterAsync(asking, meetingUrl, "Register for a place");
        Assert.Equal("https://meet.example.gov.uk/bus-data", await asking.Locator("#online a").TextContentAsync());
        var secondPage = await SignedInPageAsync(second, javaScript);
        await RegisterAsync(secondPage, meetingUrl, "Register for a place");
        var waitingPage = await SignedInPageAsync(waiting, javaScript);
        await waitingPage.GotoAsync(meetingUrl);
        Assert.Contains("full", await waitingPage.Locator("#places").TextContentAsync(), StringComparison.Ordinal);
        await waitingPage.AssertAccessibleAsync();
        await RegisterAsync(waitingPage, meetingUrl, "Join the waiting list");
        Assert.Contains("You are on the waiting list", await waitingPage.Locator("#registration-state").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await waitingPage.Locator("#online a").CountAsync());

        // A registered person cancels: the first on the waiting list is promoted and told.
        await asking.GotoAsync(meetingUrl);
        await asking.GetByRole(AriaRole.Button, new() { Name = "Cancel my place" }).ClickToNavigateAsync();
        var promoted = await Service.Mail.WaitForAsync(waiting.Email, "You have a place: Bus data quarterly meeting");
        Assert.Contains("https://meet.example.gov.uk/bus-data", promoted.TextBody, StringComparison.Ordinal);
        await waitingPage.GotoAsync(meetingUrl);
        Assert.Equal("You have a place at this meeting.", await waitingPage.Locator("#registration-state").TextContentAsync());
        Assert.Equal("https://meet.example.gov.uk/bus-data", await waitingPage.Locator("#online a").TextContentAsync());

        // The meeting takes place (its times are moved into the past here, as the test cannot wait two weeks).
        var started = DateTime.UtcNow.AddHours(-3);
        await Service.WithDatabaseAsync(db => db.Meetings.Where(m => m.Id == meetingId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.StartsAt, started).SetProperty(m => m.EndsAt, started.AddHours(2))));

        // Afterwards: attendance, minutes with decisions, two actions.
        await chairing.GotoAsync(meetingUrl);
        await chairing.GetByRole(AriaRole.Link, new() { Name = "Record attendance" }).ClickToNavigateAsync();
        await chairing.AssertAccessibleAsync();
        await chairing.GetByLabel("Wes Waiting").CheckAsync();
        await chairing.GetByLabel("Sam Second").CheckAsync();
        await chairing.GetByLabel("How many people attended in all?").FillAsync("5");
        await chairing.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickToNavigateAsync();
        Assert.Equal("5 people", await chairing.Locator("#attendance").TextContentAsync());

        await chairing.GetByRole(AriaRole.Link, new() { Name = "Publish the minutes and decisions" }).ClickToNavigateAsync();
        await chairing.AssertAccessibleAsync();
        await chairing.GetByLabel("Minutes", new() { Exact = true }).FillAsync("The group reviewed **bus punctuality** data.");
        await chairing.GetByLabel("Decisions").FillAsync("Publish punctuality monthly\nAdopt the open schema");
        await chairing.GetByRole(AriaRole.Button, new() { Name = "Publish minutes" }).ClickToNavigateAsync();
        await chairing.AssertAccessibleAsync();
        Assert.Equal(["Publish punctuality monthly", "Adopt the open schema"], await chairing.Locator("#decisions li").AllTextContentsAsync());
        await Service.Mail.WaitForAsync(waiting.Email, "Minutes published: Bus data quarterly meeting");

        foreach (var (text, owner) in new[] { ("Draft the punctuality schema", "Ada Applicant"), ("Share operator data", "Department for Transport") })
        {
            await chairing.GetByRole(AriaRole.Link, new() { Name = "Record an action from this meeting" }).ClickToNavigateAsync();
            await chairing.AssertAccessibleAsync();
            await chairing.GetByLabel("What is to be done?").FillAsync(text);
            var byPerson = owner == "Ada Applicant";
            await chairing.GetByLabel(byPerson ? "A member of the group" : "An organisation", new() { Exact = true }).CheckAsync();
            await chairing.GetByLabel(byPerson ? "Member (if a member owns it)" : "Organisation (if an organisation owns it)").SelectOptionAsync(new SelectOptionValue { Label = owner });
            var due = day.AddDays(30);
            await chairing.GetByLabel("Day").FillAsync(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await chairing.GetByLabel("Month").FillAsync(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await chairing.GetByLabel("Year").FillAsync(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await chairing.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickToNavigateAsync();
        }
        Assert.Equal(2, await chairing.Locator(".sod-actions tbody tr").CountAsync());
        await Service.Mail.WaitForAsync(applicant.Email, "New action for you from");

        // A correction is version 2; version 1 stays readable.
        await chairing.GetByRole(AriaRole.Link, new() { Name = "Publish a correction to the minutes" }).ClickToNavigateAsync();
        await chairing.AssertAccessibleAsync();
        await chairing.GetByLabel("Minutes", new() { Exact = true }).FillAsync("The group reviewed bus punctuality and fares data.");
        await chairing.GetByLabel("What does this correction change?").FillAsync("Fares were discussed too.");
        await chairing.GetByRole(AriaRole.Button, new() { Name = "Publish correction" }).ClickToNavigateAsync();
        Assert.Contains("fares", await chairing.Locator("#minutes").TextContentAsync(), StringComparison.Ordinal);

        var reader = await NewPageAsync(javaScript);
        await reader.GotoAsync(meetingUrl);
        await reader.AssertAccessibleAsync();
        Assert.Equal(2, await reader.Locator("#minutes-versions li").CountAsync());
        await reader.GetByRole(AriaRole.Link, new() { Name = "Version 1" }).ClickToNavigateAsync();
        await reader.AssertAccessibleAsync();
        Assert.Equal("The group reviewed bus punctuality data.", (await reader.Locator("#minutes-text").TextContentAsync())?.Trim());
        await reader.GotoAsync($"/actions?Group={slug}");
        await reader.AssertAccessibleAsync();
        Assert.Equal(2, await reader.Locator(".sod-actions tbody tr").CountAsync());
        await reader.GotoAsync("/meetings");
        await reader.AssertAccessibleAsync();
    }

    private static async Task RegisterAsync(IPage page, string meetingUrl, string button)
    {
        await page.GotoAsync(meetingUrl);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickToNavigateAsync();
        await page.AssertAccessibleAsync();
    }
}
