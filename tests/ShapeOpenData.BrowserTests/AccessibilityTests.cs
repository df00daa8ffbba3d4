using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.BrowserTests;

/// <summary>axe-core over every page, as each kind of person sees it.</summary>
public sealed class AccessibilityTests(BrowserFixture service) : BrowserTest(service)
{
    public static TheoryData<string, HttpStatusCode> PublicPages => new()
    {
        { "/", HttpStatusCode.OK }, { "/accessibility", HttpStatusCode.OK }, { "/privacy", HttpStatusCode.OK }, { "/cookies", HttpStatusCode.OK },
        { "/organisations", HttpStatusCode.OK }, { "/organisations/department-for-transport", HttpStatusCode.OK }, { "/tools/deadline", HttpStatusCode.OK },
        { "/tools/deadline?Regime=foi&Received.Day=18&Received.Month=12&Received.Year=2026", HttpStatusCode.OK },
        { "/tools/deadline?Regime=&Received.Day=31&Received.Month=2&Received.Year=2026", HttpStatusCode.BadRequest },
        { "/api-docs", HttpStatusCode.OK }, { "/account/sign-in", HttpStatusCode.OK }, { "/account/register", HttpStatusCode.OK },
        { "/account/forgotten-password", HttpStatusCode.OK }, { "/account/resend-confirmation", HttpStatusCode.OK },
        { "/account/check-email", HttpStatusCode.OK }, { "/no-such-page", HttpStatusCode.NotFound },
    };

    public static TheoryData<string> SignedInPages =>
    [
        "/account", "/account/profile", "/account/change-password", "/account/two-factor", "/account/api-tokens", "/account/notifications", "/account/delete",
        "/account/sign-out",
    ];

    public static TheoryData<string> AdministratorPages =>
    [
        "/admin", "/admin/calendar", "/admin/regimes/foi", "/admin/audit", "/organisations/new", "/organisations/home-office/edit", "/consultations/import",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_HasNoSeriousAccessibilityProblems(string path, HttpStatusCode status)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(path);
        await page.AssertAccessibleAsync(status);
    }

    [Theory]
    [MemberData(nameof(SignedInPages))]
    public async Task SignedInPage_HasNoSeriousAccessibilityProblems(string path)
    {
        var page = await SignedInPageAsync(await Service.SharedPersonAsync());
        await page.GotoAsync(path);
        Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TwoFactorSetUpPage_HasNoSeriousAccessibilityProblems()
    {
        // Showing the page makes the person an authenticator key, which signs them out elsewhere: someone of their own.
        var page = await SignedInPageAsync(await Service.CreatePersonAsync());
        await page.GotoAsync("/account/two-factor/set-up");
        Assert.EndsWith("/account/two-factor/set-up", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(AdministratorPages))]
    public async Task AdministratorPage_HasNoSeriousAccessibilityProblems(string path)
    {
        var page = await SignedInPageAsync(await Service.SharedPersonAsync(Roles.Administrator));
        await page.GotoAsync(path);
        Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task FormsWithErrors_HaveNoSeriousAccessibilityProblems()
    {
        var page = await SignedInPageAsync(await Service.SharedPersonAsync(Roles.Administrator));
        foreach (var (path, button) in new[] { ("/account/profile", "Save profile"), ("/organisations/new", "Save organisation"), ("/account/api-tokens", "Create token"), ("/consultations/import", "Import the conversation") })
        {
            await page.GotoAsync(path);
            if (path == "/account/profile") await page.GetByLabel("Your name").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickToNavigateAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task RequestPages_HaveNoSeriousAccessibilityProblems()
    {
        var requester = await Service.CreatePersonAsync();
        var id = await Service.SubmitRequestAsync(requester);
        var commenter = await SignedInPageAsync(requester);
        await commenter.GotoAsync($"/requests/{id}");
        await commenter.GetByLabel("Add a comment").FillAsync("A comment with a [link](https://example.com).");
        await commenter.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickToNavigateAsync();
        await commenter.AssertAccessibleAsync();
        var commentId = await Service.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Comments.Where(c => c.TargetId == id).Select(c => c.Id)));
        foreach (var path in new[] { $"/comments/{commentId}/edit", $"/moderation/report/comment/{commentId}", $"/comments/new?parent={commentId}", $"/requests/{id}/withdraw" })
        {
            await commenter.GotoAsync(path);
            await commenter.AssertAccessibleAsync();
        }

        var programme = await SignedInPageAsync(await Service.SharedPersonAsync(Roles.ProgrammeTeam));
        foreach (var path in new[] { "/requests/top-demand", "/requests?state=submitted&overdue=true", $"/requests/{id}/manage", $"/requests/{id}/manage/review",
                     $"/requests/{id}/manage/assign", $"/requests/{id}/manage/extend", $"/requests/{id}/manage/close", "/requests/new/received" })
        {
            await programme.GotoAsync(path);
            await programme.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task CataloguePages_HaveNoSeriousAccessibilityProblems()
    {
        var reporter = await Service.SharedPersonAsync();
        var number = await Service.FileReportAsync(reporter, "bathing-water-quality");
        var anyone = await NewPageAsync();
        foreach (var path in new[] { "/datasets", "/datasets?Q=water&Format=CSV&Openness=open_format", "/datasets/bathing-water-quality",
                     $"/datasets/bathing-water-quality/reports/{number}", "/quality-reports", "/organisations/met-office" })
        {
            await anyone.GotoAsync(path);
            await anyone.AssertAccessibleAsync();
        }
        await anyone.GotoAsync("/datasets?Theme=astrology");
        await anyone.AssertAccessibleAsync(HttpStatusCode.BadRequest);

        var signedIn = await SignedInPageAsync(reporter);
        await signedIn.GotoAsync("/datasets/bathing-water-quality/reports/new");
        await signedIn.AssertAccessibleAsync();
        await signedIn.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickToNavigateAsync();
        await Assertions.Expect(signedIn.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await signedIn.AssertAccessibleAsync(HttpStatusCode.BadRequest);

        var publisher = await SignedInPageAsync(await Service.SharedPersonAsync(Roles.Publisher, "department-for-environment-food-rural-affairs"));
        await publisher.GotoAsync($"/datasets/bathing-water-quality/reports/{number}/manage");
        await publisher.AssertAccessibleAsync();
        await publisher.GotoAsync("/quality-reports?Mine=true");
        await publisher.AssertAccessibleAsync();

        var administrator = await SignedInPageAsync(await Service.SharedPersonAsync(Roles.Administrator));
        await administrator.GotoAsync("/admin/catalogue");
        await administrator.AssertAccessibleAsync();
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickToNavigateAsync();
        await Assertions.Expect(administrator.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await administrator.AssertAccessibleAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GroupPages_HaveNoSeriousAccessibilityProblems()
    {
        var programme = await Service.SharedPersonAsync(Roles.ProgrammeTeam);
        var chair = await Service.CreatePersonAsync(name: "Cleo Chair");
        var applicant = await Service.CreatePersonAsync(name: "Aziz Applicant", withPassword: false);
        var slug = $"a11y-{Guid.NewGuid():N}"[..13];
        var (meetingId, actionId) = await Service.WithServicesAsync(async s =>
        {
            var team = await Service.PrincipalAsync(programme);
            await s.GetRequiredService<GroupWorkflow>().CreateAsync(slug, new GroupDetails("Accessible Data Group", GroupKind.Network,
                "To check every page works for everyone.", "## Scope\n\n- Pages\n- Forms", MembershipPolicy.OnRequest, MembersOnly: false, IsClosed: false), team);
            var db = s.GetRequiredService<ShapeOpenData.Data.AppDbContext>();
            var group = db.Groups.Include(g => g.Members).Single(g => g.Slug == slug);
            group.AcceptInvitation(group.Invite(chair.Email, "not-kept", GroupRole.Chair, null, DateTime.UtcNow), chair.Id, chair.Email, DateTime.UtcNow);
            await db.SaveChangesAsync();
            await s.GetRequiredService<GroupWorkflow>().JoinAsync(slug, "I would like to help.", await Service.PrincipalAsync(applicant));
            var start = DateTime.UtcNow.Date.AddDays(20).AddHours(13);
            var meeting = await s.GetRequiredService<MeetingWorkflow>().ScheduleAsync(slug, new MeetingDetails("Accessibility review", start, start.AddHours(1),
                MeetingTimes.DefaultTimeZone, "Room 3", "https://meet.example.gov.uk/a11y", "1. Pages", 1), team);
            var action = await s.GetRequiredService<ActionWorkflow>().AddAsync(slug, meeting.Id,
                new NewAction("Check the forms", chair.Id, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), []), team);
            return (meeting.Id, action.Id);
        });

        var anyone = await NewPageAsync();
        foreach (var path in new[] { "/groups", $"/groups/{slug}", "/meetings", "/meetings?Group=events", $"/meetings/{meetingId}", "/actions", "/actions?State=all",
                     $"/actions/{actionId}", $"/groups/{slug}/invitations/not-a-real-invitation" })
        {
            await anyone.GotoAsync(path);
            await anyone.AssertAccessibleAsync();
        }

        var chairing = await SignedInPageAsync(chair);
        foreach (var path in new[] { $"/groups/{slug}", $"/groups/{slug}/members", $"/groups/{slug}/members/email", $"/groups/{slug}/edit", $"/meetings/{meetingId}", $"/meetings/{meetingId}/edit",
                     $"/meetings/{meetingId}/cancel", $"/actions/{actionId}", $"/actions/new?group={slug}&meeting={meetingId}" })
        {
            await chairing.GotoAsync(path);
            await chairing.AssertAccessibleAsync();
        }
        foreach (var (path, button) in new[] { ($"/meetings/new?group={slug}", "Schedule meeting"), ($"/meetings/{meetingId}/cancel", "Cancel the meeting"),
                     ($"/actions/new?group={slug}", "Record action"), ($"/groups/{slug}/members", "Send invitation"),
                     ($"/groups/{slug}/members/email", "Send to the members") })
        {
            await chairing.GotoAsync(path);
            await chairing.GetByRole(AriaRole.Button, new() { Name = button }).ClickToNavigateAsync();
            await Assertions.Expect(chairing.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await chairing.AssertAccessibleAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task SkipLink_IsTheFirstThingTheKeyboardReaches()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/organisations");

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await page.EvaluateAsync<string>("document.activeElement.id"));
    }
}
