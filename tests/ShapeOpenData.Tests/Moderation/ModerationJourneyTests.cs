using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Notifications;

namespace ShapeOpenData.Tests.Moderation;

/// <summary>
/// The journey, as the people in it would live it: three people report a comment, it is hidden at once; a
/// moderator sees it in context and keeps it hidden with a reason; its author reads the reason and asks for a review; a
/// second moderator decides; the public log shows every decision; an author blocked for a day can post nowhere, pages
/// or API, until the day has passed.
/// </summary>
public sealed class ModerationJourneyTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private const string Rude = "You are all idiots and so is your data";

    private async Task<WebSession> SignedInAsync(Person person)
    {
        var session = service.NewSession();
        await session.SignInAsync(person);
        return session;
    }

    private static async Task<WebPage> CommentAsync(WebSession session, int requestId, string body) =>
        await session.SubmitAsync(await session.GetAsync($"/requests/{requestId}"), [new("Body", body)], "form[action='/comments/new']");

    private static Task<WebPage> ReportAsync(WebSession session, string type, int id, string reason, string detail = "") =>
        session.GetAsync($"/moderation/report/{type}/{id}").ContinueWith(page => session.SubmitAsync(page.Result, [new("Reason", reason), new("Detail", detail)])).Unwrap();

    private async Task<(int RequestId, int CommentId, Person Author, WebSession AuthorSession)> CommentedAsync(string body = Rude)
    {
        var requestId = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var author = await service.CreatePersonAsync();
        var session = await SignedInAsync(author);
        await CommentAsync(session, requestId, body);
        var commentId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == requestId && c.AuthorId == author.Id).Select(c => c.Id).SingleAsync());
        return (requestId, commentId, author, session);
    }

    [Fact]
    public async Task ThreeReports_HideIt_AModeratorKeepsItHidden_TheAuthorAsksForAReview_ASecondModeratorOverturnsIt_AndTheLogShowsEachStep()
    {
        var (requestId, commentId, author, authorSession) = await CommentedAsync();
        var reporters = new List<Person> { await service.CreatePersonAsync(), await service.CreatePersonAsync(), await service.CreatePersonAsync() };

        var first = await ReportAsync(await SignedInAsync(reporters[0]), "comment", commentId, "abuse");
        await ReportAsync(await SignedInAsync(reporters[1]), "comment", commentId, "abuse", "Insults everyone");
        var third = await ReportAsync(await SignedInAsync(reporters[2]), "comment", commentId, "off_topic");

        Assert.StartsWith("Thank you. A moderator will look at your report", first.Flash, StringComparison.Ordinal);
        Assert.StartsWith("Thank you. Several people have reported this, so it is hidden", third.Flash, StringComparison.Ordinal);
        var anonymous = await service.NewSession().GetAsync($"/requests/{requestId}");
        Assert.DoesNotContain(Rude, anonymous.Body, StringComparison.Ordinal);
        Assert.Contains("Hidden by a moderator: Abusive or offensive", anonymous.Document.GetElementById($"comment-{commentId}")!.TextContent, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(author.Email, "Your comment is hidden until a moderator reviews it");

        // The moderator sees it in the queue, in context, with its reports, and keeps it hidden with a reason.
        var firstModerator = await service.CreatePersonAsync(Roles.Moderator, twoFactor: true);
        var moderator = await SignedInAsync(firstModerator);
        var queue = await moderator.GetAsync("/moderation");
        var entry = queue.Document.GetElementById($"entry-comment-{commentId}")!.ParentElement!;
        Assert.Contains(Rude, entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Comment on", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Insults everyone", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reports (3)", entry.TextContent, StringComparison.Ordinal);
        var kept = await moderator.SubmitAsync(queue, [new("Reason", "abuse")], $"form[action^='/moderation/items/comment/{commentId}?handler=hide']");
        Assert.Equal("/moderation", kept.Url);
        Assert.StartsWith("Hidden.", kept.Flash, StringComparison.Ordinal);
        foreach (var reporter in reporters)
        {
            var told = await service.Mail.WaitForAsync(reporter.Email, "What happened to the comment you reported");
            Assert.Contains("hid it, because of \"Abusive or offensive\"", told.TextBody, StringComparison.Ordinal);
        }

        // The author reads the reason beside their comment and asks, once, for a review.
        var hiddenEmail = await service.Mail.WaitForAsync(author.Email, "A moderator has hidden your comment");
        var own = await authorSession.GetAsync($"/requests/{requestId}");
        var ownComment = own.Document.GetElementById($"comment-{commentId}")!;
        Assert.Contains("Hidden by a moderator: Abusive or offensive", ownComment.TextContent, StringComparison.Ordinal);
        Assert.Contains(Rude, ownComment.TextContent, StringComparison.Ordinal);
        var about = await authorSession.GetAsync(ownComment.QuerySelector("a[href^='/moderation/about/']")!.GetAttribute("href")!);
        Assert.Contains($"/moderation/about/comment/{commentId}", hiddenEmail.TextBody, StringComparison.Ordinal);
        var noReason = await authorSession.SubmitAsync(about, [new("Reason", "")]);
        Assert.Equal("Say why the decision should change", noReason.FieldError("Reason"));
        var asked = await authorSession.SubmitAsync(about, [new("Reason", "I was quoting the department's own words")]);
        Assert.StartsWith("Thank you. A different moderator will review", asked.Flash, StringComparison.Ordinal);
        Assert.Null(asked.Document.QuerySelector("main form[method=post]"));

        // The moderator who decided cannot review their own decision; a second moderator overturns it.
        var own_ = await moderator.GetAsync($"/moderation/items/comment/{commentId}");
        Assert.Contains("a different moderator must review it", own_.Text, StringComparison.Ordinal);
        Assert.Contains("I was quoting the department's own words", own_.Text, StringComparison.Ordinal);
        var secondModerator = await SignedInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        var review = await secondModerator.GetAsync("/moderation?state=review");
        Assert.NotNull(review.Document.GetElementById($"entry-comment-{commentId}"));
        var item = await secondModerator.GetAsync($"/moderation/items/comment/{commentId}");
        var overturned = await secondModerator.SubmitAsync(item, [new("Answer", "overturn")], "form[action*='handler=review']");
        Assert.StartsWith("Decision overturned", overturned.Flash, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(author.Email, "We have changed our decision");
        var restored = await service.NewSession().GetAsync($"/requests/{requestId}");
        Assert.Contains(Rude, restored.Document.GetElementById($"comment-{commentId}")!.TextContent, StringComparison.Ordinal);

        // The public log: each decision, with its kind of content, reason and link; nobody's name and no hidden words.
        var log = await service.NewSession().GetAsync("/moderation/log");
        var rows = log.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).Where(t => t.Contains("Comment", StringComparison.Ordinal)).ToList();
        Assert.Contains(rows, r => r.Contains("Hidden automatically, pending review", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Hidden", StringComparison.Ordinal) && r.Contains("Abusive or offensive", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Review: decision overturned", StringComparison.Ordinal));
        Assert.NotNull(log.Document.QuerySelector($"tbody a[href='/requests/{requestId}#comment-{commentId}']"));
        var csv = await service.NewSession().Http.GetStringAsync("/moderation/log.csv");
        var json = await service.NewSession().Http.GetStringAsync("/moderation/log.json");
        foreach (var open in new[] { csv, json, log.Body })
        {
            Assert.Contains($"/requests/{requestId}#comment-{commentId}", open, StringComparison.Ordinal);
            Assert.DoesNotContain(Rude, open, StringComparison.Ordinal);
            Assert.DoesNotContain("Insults everyone", open, StringComparison.Ordinal);
            Assert.DoesNotContain("quoting the department", open, StringComparison.Ordinal);
            Assert.DoesNotContain(reporters[0].Email, open, StringComparison.Ordinal);
        }
        Assert.Equal(["auto_hide", "hide", "review_asked", "review_overturned"],
            await service.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.EntityType == "moderation" && db.ModerationDecisions.Any(d => d.Id == e.EntityId && d.ItemId == commentId && d.ItemType == "comment"))
                .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task AnAuthorBlockedForADay_CannotPostOnPagesOrTheApi_IsToldWhyAndUntilWhen_AndCanAgainAfterTheDay()
    {
        var (requestId, commentId, author, authorSession) = await CommentedAsync("Buy cheap watches at example.com");
        var api = await service.ApiClientAsync(author);
        var moderator = await SignedInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));

        var item = await moderator.GetAsync($"/moderation/items/comment/{commentId}");
        var noPeriod = await moderator.SubmitAsync(item, [new("BlockReason", "spam")], "form[action*='handler=block']");
        var blocked = await moderator.SubmitAsync(item, [new("Period", "one_day"), new("BlockReason", "spam")], "form[action*='handler=block']");

        Assert.Equal("Select how long to block them for", noPeriod.FieldError("Period"));
        Assert.EndsWith("is blocked. They have been told why and until when", blocked.Flash, StringComparison.Ordinal);
        var told = await service.Mail.WaitForAsync(author.Email, "You cannot post for now");
        Assert.Contains("until", told.TextBody, StringComparison.Ordinal);

        var comment = await CommentAsync(authorSession, requestId, "One more advert");
        Assert.Equal(HttpStatusCode.Forbidden, comment.Status);
        Assert.Equal("Your account is blocked", comment.Heading);
        Assert.Contains("Spam or advertising", comment.Text, StringComparison.Ordinal);
        Assert.Contains("until", comment.Text, StringComparison.Ordinal);
        var newRequest = await authorSession.GetAsync("/requests/new");
        Assert.Equal(HttpStatusCode.OK, newRequest.Status);
        var support = await api.PutAsJsonAsync($"/api/v1/requests/{requestId}/support", new { });
        Assert.Equal(HttpStatusCode.Forbidden, support.StatusCode);
        Assert.Contains("blocked", await support.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ownAccount = await authorSession.GetAsync("/account/notifications");
        Assert.Equal(HttpStatusCode.OK, (await authorSession.SubmitAsync(ownAccount, PreferencesTests.Answers(("updates", "weekly")))).Status);
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.Comments.CountAsync(c => c.AuthorId == author.Id)));

        service.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        try
        {
            var after = await CommentAsync(await SignedInAsync(author), requestId, "Sorry about the adverts");
            Assert.Equal(HttpStatusCode.OK, after.Status);
            Assert.Equal(HttpStatusCode.Created, (await api.PutAsJsonAsync($"/api/v1/requests/{requestId}/support", new { })).StatusCode);
        }
        finally
        {
            service.Clock.Advance(-(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)));
        }
    }
}
