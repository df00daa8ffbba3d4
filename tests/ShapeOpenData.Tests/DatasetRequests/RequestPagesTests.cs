using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>The list, one request, supporting and following, and the managing pages.</summary>
[Collection(SharedService.Requests)]
public sealed class RequestPagesTests(ServiceFactory service)
{
    private async Task<WebSession> SignedInAsync(Person person)
    {
        var session = service.NewSession();
        await session.SignInAsync(person);
        return session;
    }

    [Fact]
    public async Task List_ShowsRequestsWithStateSupportersAndDueDate()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), "Lock gate opening times on the Kennet");

        var page = await service.NewSession().GetAsync("/requests?sort=newest");

        var result = page.Document.QuerySelector($"a[href='/requests/{id}']")!.Closest("li")!;
        Assert.Equal("Lock gate opening times on the Kennet", result.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Submitted", result.TextContent, StringComparison.Ordinal);
        Assert.Contains("Department for Transport", result.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reply due", result.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FiltersByStateOrganisationAndThemeAndPages()
    {
        var requester = await service.CreatePersonAsync();
        var ids = new List<int>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add(await service.SubmitRequestAsync(requester, organisation: "uk-export-finance", theme: Theme.GovernmentSpending));
        }

        var first = await service.NewSession().GetAsync("/requests?organisation=uk-export-finance&theme=government_spending&state=submitted&sort=newest");
        Assert.Equal("23 requests", first.Document.GetElementById("result-count")!.TextContent.Trim());
        Assert.Equal(20, first.Document.QuerySelectorAll(".sod-result").Length);
        var next = first.Document.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var second = await service.NewSession().GetAsync($"/requests{next}");
        Assert.Equal(3, second.Document.QuerySelectorAll(".sod-result").Length);
        Assert.Contains("organisation=uk-export-finance", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithAnUnknownFilter_SaysSo()
    {
        var page = await service.NewSession().GetAsync("/requests?state=lost&theme=astrology");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([("Select a state from the list", "State"), ("Select a theme from the list", "Theme")], page.Errors);
    }

    [Fact]
    public async Task Show_GivesTheRequestItsClockAndTimeline()
    {
        var requester = await service.CreatePersonAsync(name: "Rita Requester");
        var id = await service.SubmitRequestAsync(requester, "Harbour dredging volumes by port", regime: "eir");

        var page = await service.NewSession().GetAsync($"/requests/{id}");

        Assert.Equal("Harbour dredging volumes by port", page.Heading);
        Assert.Contains("Environmental Information Regulations 2004", page.Text, StringComparison.Ordinal);
        Assert.Contains("Request submitted", page.Document.GetElementById("timeline")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rita Requester", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href^='/account/sign-in']"));
    }

    [Fact]
    public async Task Show_UnknownOrConfidentialForOthers_Is404()
    {
        var requester = await service.CreatePersonAsync();
        var secret = await service.SubmitRequestAsync(requester, confidential: true);

        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync("/requests/99999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync($"/requests/{secret}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(await service.CreatePersonAsync())).GetAsync($"/requests/{secret}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(requester)).GetAsync($"/requests/{secret}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true))).GetAsync($"/requests/{secret}")).Status);
    }

    [Fact]
    public async Task Supporting_FromThePage_CountsFollowsAndCanBeTakenBack()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var supporter = await service.CreatePersonAsync();
        var session = await SignedInAsync(supporter);

        var supported = await session.SubmitAsync(await session.GetAsync($"/requests/{id}"), [new("Use", "Mapping flood risk")], "form[action*=Support]");

        Assert.Equal("Thank you. You support this request, and we will email you when it changes", supported.Flash);
        Assert.Equal("1 person needs this", supported.Document.GetElementById("support")!.TextContent.Trim());
        Assert.Contains("Stop following", supported.Text, StringComparison.Ordinal);
        Assert.Equal("Mapping flood risk", await service.WithDatabaseAsync(db => db.Supports.Where(s => s.TargetType == DatasetRequestsModule.ItemType && s.TargetId == id).Select(s => s.Use).SingleAsync()));

        var withdrawn = await session.SubmitAsync(supported, selector: "form[action*=WithdrawSupport]");
        Assert.Equal("0 people need this", withdrawn.Document.GetElementById("support")!.TextContent.Trim());
    }

    [Fact]
    public async Task Supporting_WithTooLongAUse_SaysSo()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var session = await SignedInAsync(await service.CreatePersonAsync());

        var page = await session.SubmitAsync(await session.GetAsync($"/requests/{id}"), [new("Use", new string('x', 281))], "form[action*=Support]");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Say how you would use it in 280 characters or fewer", page.FieldError("Use"));
    }

    [Fact]
    public async Task Supporting_WithoutSigningIn_AsksToSignIn()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var anonymous = service.NewSession();
        var page = await anonymous.GetAsync($"/requests/{id}");

        Assert.Null(page.Document.QuerySelector("form[action*=Support]"));
    }

    [Fact]
    public async Task Following_CanBeTurnedOnAndOff()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var follower = await service.CreatePersonAsync();
        var session = await SignedInAsync(follower);

        var following = await session.SubmitAsync(await session.GetAsync($"/requests/{id}"), selector: "form#follow");
        Assert.Equal("You are following this request. We will tell you when it changes", following.Flash);
        Assert.True(await service.WithDatabaseAsync(db => db.Follows.AnyAsync(f => f.UserId == follower.Id && f.TargetId == id)));

        var stopped = await session.SubmitAsync(following, selector: "form#follow");
        Assert.Equal("You are no longer following this request", stopped.Flash);
        Assert.False(await service.WithDatabaseAsync(db => db.Follows.AnyAsync(f => f.UserId == follower.Id && f.TargetId == id)));
    }

    [Fact]
    public async Task Manage_IsOnlyForTheOrganisationsPublishersAndTheProgrammeTeam()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), organisation: "home-office");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(await service.CreatePersonAsync())).GetAsync($"/requests/{id}/manage")).Status);
        var other = await SignedInAsync(await service.CreatePersonAsync(Roles.Publisher, "ministry-of-justice", twoFactor: true));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/requests/{id}/manage/close")).Status);
        var publisher = await SignedInAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));
        var hub = await publisher.GetAsync($"/requests/{id}/manage");
        Assert.Equal(HttpStatusCode.OK, hub.Status);
        Assert.Contains("Start reviewing it", hub.Document.GetElementById("actions")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Start work on it", hub.Document.GetElementById("actions")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manage_ThePagesMoveTheRequestAndKeepAnAuditHistory()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester, organisation: "department-for-education");
        var publisherPerson = await service.CreatePersonAsync(Roles.Publisher, "department-for-education", twoFactor: true, name: "Pat Publisher");
        var publisher = await SignedInAsync(publisherPerson);

        var reviewed = await publisher.SubmitAsync(await publisher.GetAsync($"/requests/{id}/manage/review"), ("Note", "Looking now"));
        Assert.Equal("The request is under review", reviewed.Flash);
        var assigned = await publisher.SubmitAsync(await publisher.GetAsync($"/requests/{id}/manage/assign"),
            ("Organisation", "department-for-education"), ("PublisherEmail", publisherPerson.Email));
        Assert.Equal("The request has been assigned", assigned.Flash);
        await publisher.SubmitAsync(await publisher.GetAsync($"/requests/{id}/manage/start"));

        var extended = await publisher.SubmitAsync(await publisher.GetAsync($"/requests/{id}/manage/extend"), ("Days", "5"), ("Reason", "Checking quality"));
        Assert.Equal("The deadline has been extended", extended.Flash);
        var tooMuch = await publisher.SubmitAsync(await publisher.GetAsync($"/requests/{id}/manage/extend"), ("Days", "30"), ("Reason", "More"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.Status);
        Assert.Equal("Service standard allows at most 20 more in all; 15 are left", tooMuch.FieldError("Days"));

        var closePage = await publisher.GetAsync($"/requests/{id}/manage/close");
        var noUrl = await publisher.SubmitAsync(closePage, ("Outcome", "released"), ("DataUrl", "ftp://nope"));
        Assert.Equal("Enter the address where the data is published, starting with https://", noUrl.FieldError("DataUrl"));
        var noReason = await publisher.SubmitAsync(closePage, ("Outcome", "refused"));
        Assert.Equal(["RefusalReason", "Explanation"], noReason.Errors.Select(e => e.Target));
        var closed = await publisher.SubmitAsync(closePage, ("Outcome", "released"), ("DataUrl", "https://data.example/schools.csv"), ("Explanation", "Published monthly."));
        Assert.Equal("The request has been closed", closed.Flash);
        Assert.Contains("https://data.example/schools.csv", closed.Document.GetElementById("outcome")!.TextContent, StringComparison.Ordinal);

        var hub = await publisher.GetAsync($"/requests/{id}/manage");
        var audit = hub.Document.GetElementById("audit")!.TextContent;
        foreach (var action in new[] { "submitted", "reviewed", "assigned", "started", "extended", "closed" })
        {
            Assert.Contains(action, audit, StringComparison.Ordinal);
        }
        Assert.Contains("Pat Publisher", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manage_AnIllegalStepPostedDirectly_IsRefusedWithTheReason()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), organisation: "cabinet-office");
        var programme = await SignedInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));

        var page = await programme.SubmitAsync(await programme.GetAsync($"/requests/{id}/manage/start"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Work can only start on a request that has been assigned", page.Errors.Single().Message);
    }

    [Fact]
    public async Task TheRequester_AnswersAQuestionAndCanWithdraw()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester, organisation: "cabinet-office");
        var programme = await SignedInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        await programme.SubmitAsync(await programme.GetAsync($"/requests/{id}/manage/review"));
        await programme.SubmitAsync(await programme.GetAsync($"/requests/{id}/manage/question"), ("Question", "Which departments?"));

        var session = await SignedInAsync(requester);
        var show = await session.GetAsync($"/requests/{id}");
        Assert.Contains("Which departments?", show.Document.GetElementById("question")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Clock paused", show.Document.GetElementById("due")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(await service.CreatePersonAsync())).GetAsync($"/requests/{id}/answer")).Status);

        var empty = await session.SubmitAsync(await session.GetAsync($"/requests/{id}/answer"), ("Answer", ""));
        Assert.Equal("Enter your answer", empty.FieldError("Answer"));
        var answered = await session.SubmitAsync(await session.GetAsync($"/requests/{id}/answer"), ("Answer", "All of them"));
        Assert.Equal("Thank you. Your answer has been sent and the clock has restarted", answered.Flash);

        var withdrawn = await session.SubmitAsync(await session.GetAsync($"/requests/{id}/withdraw"), ("Reason", "No longer needed"));
        Assert.Equal("Your request has been withdrawn", withdrawn.Flash);
        Assert.Contains("Withdrawn by the requester", withdrawn.Document.GetElementById("state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopDemand_ShowsOpenRequestsWithTheirSectorMix()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), "Bridge weight limits by structure");
        var supporter = await service.CreatePersonAsync();
        await service.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            var user = (await users.FindByIdAsync(supporter.Id.ToString()))!;
            user.Sector = Sector.Business;
            return await users.UpdateAsync(user);
        });
        await (await service.ApiClientAsync(supporter)).PutAsync($"/api/v1/requests/{id}/support", null);

        var page = await service.NewSession().GetAsync("/requests/top-demand");

        var row = page.Document.QuerySelector($"a[href='/requests/{id}']")!.Closest("tr")!;
        Assert.Contains("Business 1", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_InATitle_IsShownAsTextOnEveryPage()
    {
        const string title = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), title);

        foreach (var path in new[] { $"/requests/{id}", "/requests?sort=newest", "/requests/top-demand" })
        {
            var page = await service.NewSession().GetAsync(path);
            Assert.Contains(title, page.Text, StringComparison.Ordinal);
            Assert.Null(page.Document.QuerySelector("main script"));
            Assert.Null(page.Document.QuerySelector("main img"));
        }
    }
}
