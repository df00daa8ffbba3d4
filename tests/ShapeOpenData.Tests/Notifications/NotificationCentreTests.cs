using System.Net;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Tests.Commitments;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>
/// The notification centre: what a person is told by email is also in /notifications, unread marked and counted in the
/// header, read one by one or all at once; kept even for someone who stopped email; nobody else's to read or mark.
/// </summary>
[Collection(SharedService.Publishing)]
public sealed class NotificationCentreTests(ServiceFactory service)
{
    /// <summary>A commitment followed by a new person, signed in; each milestone added tells them.</summary>
    private async Task<(Modules.Commitments.Commitment Commitment, Person Publisher, Person Follower, WebSession Session)> FollowedAsync()
    {
        var (plan, publisher) = await service.CreatePlanAsync();
        var commitment = await service.AddCommitmentAsync(plan, publisher);
        var follower = await service.HearingAtOnceAsync(await service.CreatePersonAsync(name: "Nell Noticed"));
        var session = service.NewSession();
        await session.SignInAsync(follower);
        await session.SubmitAsync(await session.GetAsync($"/commitments/{commitment.Reference}"), selector: "form#follow");
        return (commitment, publisher, follower, session);
    }

    private Task<Modules.Commitments.Milestone> AddMilestoneAsync(Modules.Commitments.Commitment commitment, Person publisher, string title) =>
        service.CommitmentsAsync(publisher, (c, actor) => c.AddMilestoneAsync(commitment.Reference, title, new DateOnly(2027, 9, 30), actor));

    private static string? HeaderCount(WebPage page) => page.Document.QuerySelector("header a[href='/notifications'] .sod-count")?.TextContent.Squeezed();

    [Fact]
    public async Task WhatAPersonIsTold_IsInTheirCentre_UnreadCountedInTheHeader_UntilTheyReadIt()
    {
        var (commitment, publisher, follower, session) = await FollowedAsync();
        Assert.Null(HeaderCount(await session.GetAsync("/")));
        await AddMilestoneAsync(commitment, publisher, "Publish the first release");
        await AddMilestoneAsync(commitment, publisher, "Publish the second release");
        await service.Mail.WaitForAsync(follower.Email, $"New milestone for commitment {commitment.Reference}");

        var centre = await session.GetAsync("/notifications");
        Assert.Equal("2 unread", HeaderCount(centre));
        Assert.Equal("2 unread of 2", centre.Document.QuerySelector("#unread-count")!.TextContent.Trim());
        var notices = centre.Document.QuerySelectorAll("li.sod-notice").ToList();
        Assert.Equal(2, notices.Count);
        Assert.Contains("Milestone 2, \"Publish the second release\", is due by 30 September 2027.", notices[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/commitments/{commitment.Reference}", notices[0].QuerySelector("a.govuk-link")!.GetAttribute("href"));
        Assert.All(notices, n => Assert.Contains("Unread", n.QuerySelector("h2")!.TextContent, StringComparison.Ordinal));

        var read = await session.SubmitAsync(centre, selector: $"#{notices[1].Id} form");
        Assert.Equal("1 unread", HeaderCount(read));
        Assert.DoesNotContain("Unread", read.Document.QuerySelector($"#{notices[1].Id} h2")!.TextContent, StringComparison.Ordinal);

        var all = await session.SubmitAsync(read, selector: "form[action*='handler=ReadAll']");
        Assert.Equal("1 notification marked as read", all.Flash);
        Assert.Null(HeaderCount(all));
        Assert.Equal("0 unread of 2", all.Document.QuerySelector("#unread-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task SomeoneWhoStoppedEmail_StillFindsItInTheCentre_AndNobodyElseMayReadOrMarkIt()
    {
        var (commitment, publisher, follower, session) = await FollowedAsync();
        await session.SubmitAsync(await session.GetAsync("/account/notifications"), selector: "form[action$='handler=Email']");
        await AddMilestoneAsync(commitment, publisher, "Publish quietly");

        var centre = await session.GetAsync("/notifications");
        var notice = Assert.Single(centre.Document.QuerySelectorAll("li.sod-notice"));
        Assert.Contains("Publish quietly", notice.TextContent, StringComparison.Ordinal);
        Assert.False(await service.WithDatabaseAsync(db => db.OutboxEmails.AnyAsync(m => m.UserId == follower.Id)));

        var stranger = service.NewSession();
        await stranger.SignInAsync(await service.CreatePersonAsync());
        var theirs = await stranger.GetAsync("/notifications");
        Assert.NotNull(theirs.Document.QuerySelector("#no-notices"));
        var id = notice.Id!["notice-".Length..];
        var token = (await stranger.GetAsync("/account/notifications")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.PostAsync($"/notifications?handler=Read&id={id}", form)).StatusCode);
        Assert.Contains("Unread", (await session.GetAsync("/notifications")).Document.QuerySelector($"#notice-{id} h2")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await service.NewSession(followRedirects: false).GetAsync("/notifications")).Status);
    }
}
