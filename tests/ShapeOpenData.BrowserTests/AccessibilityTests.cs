using Microsoft.Playwright;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Groups;

namespace ShapeOpenData.BrowserTests;

/// <summary>axe-core over every page, as each kind of person sees it.</summary>
public sealed class AccessibilityTests(BrowserFixture service) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> PublicPages =>
    [
        "/", "/accessibility", "/privacy", "/cookies", "/organisations", "/organisations/department-for-transport",
        "/tools/deadline", "/tools/deadline?Regime=foi&Received.Day=18&Received.Month=12&Received.Year=2026",
        "/tools/deadline?Regime=&Received.Day=31&Received.Month=2&Received.Year=2026", "/api-docs", "/account/sign-in",
        "/account/register", "/account/forgotten-password", "/account/resend-confirmation", "/account/check-email", "/no-such-page",
    ];

    public static TheoryData<string> SignedInPages =>
    [
        "/account", "/account/profile", "/account/change-password", "/account/two-factor", "/account/two-factor/set-up",
        "/account/api-tokens", "/account/delete", "/account/sign-out",
    ];

    public static TheoryData<string> AdministratorPages =>
    [
        "/admin", "/admin/calendar", "/admin/regimes/foi", "/organisations/new", "/organisations/home-office/edit",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_HasNoSeriousAccessibilityProblems(string path)
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync(path);
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(SignedInPages))]
    public async Task SignedInPage_HasNoSeriousAccessibilityProblems(string path)
    {
        var page = await SignedInAsync(await service.CreatePersonAsync());
        await page.GotoAsync(path);
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(AdministratorPages))]
    public async Task AdministratorPage_HasNoSeriousAccessibilityProblems(string path)
    {
        var page = await SignedInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task FormsWithErrors_HaveNoSeriousAccessibilityProblems()
    {
        var page = await SignedInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        foreach (var (path, button) in new[] { ("/account/profile", "Save profile"), ("/organisations/new", "Save organisation"), ("/account/api-tokens", "Create token") })
        {
            await page.GotoAsync(path);
            if (path == "/account/profile") await page.GetByLabel("Your name").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickToNavigateAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task RequestPages_HaveNoSeriousAccessibilityProblems()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester);
        var commenter = await service.SignedInPageAsync(requester);
        await commenter.GotoAsync($"/requests/{id}");
        await commenter.GetByLabel("Add a comment").FillAsync("A comment with a [link](https://example.com).");
        await commenter.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickToNavigateAsync();
        await commenter.AssertAccessibleAsync();
        var commentId = await service.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Comments.Where(c => c.TargetId == id).Select(c => c.Id)));
        foreach (var path in new[] { $"/comments/{commentId}/edit", $"/comments/{commentId}/report", $"/comments/new?parent={commentId}", $"/requests/{id}/withdraw" })
        {
            await commenter.GotoAsync(path);
            await commenter.AssertAccessibleAsync();
        }

        var programme = await SignedInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        foreach (var path in new[] { "/requests/top-demand", "/requests?state=submitted&overdue=true", $"/requests/{id}/manage", $"/requests/{id}/manage/review",
                     $"/requests/{id}/manage/assign", $"/requests/{id}/manage/extend", $"/requests/{id}/manage/close", "/requests/new/received" })
        {
            var response = await programme.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            await programme.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task CataloguePages_HaveNoSeriousAccessibilityProblems()
    {
        await service.ImportDemoCatalogueAsync();
        var reporter = await service.CreatePersonAsync();
        var number = await service.FileReportAsync(reporter, "bathing-water-quality");
        var anyone = await service.NewPageAsync();
        foreach (var path in new[] { "/datasets", "/datasets?Q=water&Format=CSV&Openness=open_format", "/datasets?Theme=astrology",
                     "/datasets/bathing-water-quality", $"/datasets/bathing-water-quality/reports/{number}", "/quality-reports", "/organisations/met-office" })
        {
            await anyone.GotoAsync(path);
            await anyone.AssertAccessibleAsync();
        }

        var signedIn = await SignedInAsync(reporter);
        await signedIn.GotoAsync("/datasets/bathing-water-quality/reports/new");
        await signedIn.AssertAccessibleAsync();
        await signedIn.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickToNavigateAsync();
        await Assertions.Expect(signedIn.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await signedIn.AssertAccessibleAsync();

        var publisher = await SignedInAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-environment-food-rural-affairs", twoFactor: true));
        await publisher.GotoAsync($"/datasets/bathing-water-quality/reports/{number}/manage");
        await publisher.AssertAccessibleAsync();
        await publisher.GotoAsync("/quality-reports?Mine=true");
        await publisher.AssertAccessibleAsync();

        var administrator = await SignedInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        await administrator.GotoAsync("/admin/catalogue");
        await administrator.AssertAccessibleAsync();
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickToNavigateAsync();
        await Assertions.Expect(administrator.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await administrator.AssertAccessibleAsync();
    }

    [Fact]
    public async Task GroupPages_HaveNoSeriousAccessibilityProblems()
    {
        var programme = await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true);
        var chair = await service.CreatePersonAsync(name: "Cleo Chair");
        var applicant = await service.CreatePersonAsync(name: "Aziz Applicant");
        var slug = $"a11y-{Guid.NewGuid():N}"[..13];
        var (meetingId, actionId) = await service.WithServicesAsync(async s =>
        {
            var team = await service.PrincipalAsync(programme);
            await s.GetRequiredService<GroupWorkflow>().CreateAsync(slug, new GroupDetails("Accessible Data Group", GroupKind.Network,
                "To check every page works for everyone.", "## Scope\n\n- Pages\n- Forms", MembershipPolicy.OnRequest, MembersOnly: false, IsClosed: false), team);
            var db = s.GetRequiredService<ShapeOpenData.Data.AppDbContext>();
            var groupId = db.Groups.Single(g => g.Slug == slug).Id;
            db.GroupMembers.Add(new GroupMember { GroupId = groupId, UserId = chair.Id, Role = GroupRole.Chair, State = MemberState.Active, CreatedAt = DateTime.UtcNow, JoinedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await s.GetRequiredService<GroupWorkflow>().JoinAsync(slug, "I would like to help.", await service.PrincipalAsync(applicant));
            var start = DateTime.UtcNow.Date.AddDays(20).AddHours(13);
            var meeting = await s.GetRequiredService<MeetingWorkflow>().ScheduleAsync(slug, new MeetingDetails("Accessibility review", start, start.AddHours(1),
                MeetingTimes.DefaultTimeZone, "Room 3", "https://meet.example.gov.uk/a11y", "1. Pages", 1), team);
            var action = await s.GetRequiredService<ActionWorkflow>().AddAsync(slug, meeting.Id,
                new NewAction("Check the forms", chair.Id, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), []), team);
            return (meeting.Id, action.Id);
        });

        var anyone = await service.NewPageAsync();
        foreach (var path in new[] { "/groups", $"/groups/{slug}", "/meetings", "/meetings?Group=events", $"/meetings/{meetingId}", "/actions", "/actions?State=all",
                     $"/actions/{actionId}", $"/groups/{slug}/invitations/not-a-real-invitation" })
        {
            var response = await anyone.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            await anyone.AssertAccessibleAsync();
        }

        var chairing = await SignedInAsync(chair);
        foreach (var path in new[] { $"/groups/{slug}", $"/groups/{slug}/members", $"/groups/{slug}/edit", $"/meetings/{meetingId}", $"/meetings/{meetingId}/edit",
                     $"/meetings/{meetingId}/cancel", $"/actions/{actionId}", $"/actions/new?group={slug}&meeting={meetingId}" })
        {
            var response = await chairing.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            await chairing.AssertAccessibleAsync();
        }
        foreach (var (path, button) in new[] { ($"/meetings/new?group={slug}", "Schedule meeting"), ($"/meetings/{meetingId}/cancel", "Cancel the meeting"),
                     ($"/actions/new?group={slug}", "Record action"), ($"/groups/{slug}/members", "Send invitation") })
        {
            await chairing.GotoAsync(path);
            await chairing.GetByRole(AriaRole.Button, new() { Name = button }).ClickToNavigateAsync();
            await Assertions.Expect(chairing.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await chairing.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task SkipLink_IsTheFirstThingTheKeyboardReaches()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/organisations");

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    private Task<IPage> SignedInAsync(Person person) => service.SignedInPageAsync(person);
}
