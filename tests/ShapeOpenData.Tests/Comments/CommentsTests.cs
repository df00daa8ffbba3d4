using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Comments;

public sealed class CommentsTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    private async Task<WebSession> SignedInAsync(Person person)
    {
        var session = service.NewSession();
        await session.SignInAsync(person);
        return session;
    }

    private static async Task<WebPage> CommentAsync(WebSession session, int requestId, string body) =>
        await session.SubmitAsync(await session.GetAsync($"/requests/{requestId}"), [new("Body", body)], "form[action='/comments/new']");

    /// <summary>Whoever comments follows the item and is emailed the comments after theirs: so each kind of item people comment on must be followable.</summary>
    [Fact]
    public void EveryKindOfItemPeopleCommentOn_IsFollowable()
    {
        using var scope = service.Services.CreateScope();
        var followable = scope.ServiceProvider.GetServices<ShapeOpenData.Modules.Follows.IFollowable>().Select(f => f.Type).ToHashSet();
        var commentable = scope.ServiceProvider.GetServices<ShapeOpenData.Modules.Comments.ICommentable>().Select(c => c.Type).ToList();

        Assert.True(commentable.Count >= 3, $"only {commentable.Count} kinds of commentable item");
        Assert.DoesNotContain(commentable, type => !followable.Contains(type));
    }

    [Fact]
    public async Task AComment_IsShownAndSanitised()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var session = await SignedInAsync(await service.CreatePersonAsync(name: "Cara Commenter"));

        var page = await CommentAsync(session, id, "We *need* this.\n\n<script>alert(1)</script> [evil](javascript:alert(1)) [fine](https://example.com)");

        Assert.Equal($"/requests/{id}", page.Url);
        var comment = page.Document.QuerySelector(".sod-comment")!;
        Assert.Contains("Cara Commenter", comment.TextContent, StringComparison.Ordinal);
        Assert.Equal("need", comment.QuerySelector("em")!.TextContent);
        Assert.Null(comment.QuerySelector("script"));
        Assert.Null(comment.QuerySelector("a[href^='javascript']"));
        Assert.Equal("nofollow ugc noopener", comment.QuerySelector("a[href='https://example.com']")!.GetAttribute("rel"));
        Assert.Contains("<script>alert(1)</script>", comment.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyComment_IsRefusedWithAMessage()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var session = await SignedInAsync(await service.CreatePersonAsync());

        var page = await CommentAsync(session, id, "   ");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Enter your comment", page.FieldError("Body"));
    }

    [Fact]
    public async Task Replies_GoOneLevelDeep()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var session = await SignedInAsync(await service.CreatePersonAsync());
        await CommentAsync(session, id, "First");
        var parent = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == id).Select(c => c.Id).SingleAsync());

        var reply = await session.SubmitAsync(await session.GetAsync($"/comments/new?parent={parent}"), ("Body", "A reply"));
        Assert.NotNull(reply.Document.QuerySelector($"#comment-{parent} .sod-comment--reply"));
        var replyId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.ParentId == parent).Select(c => c.Id).SingleAsync());

        var refused = await session.SubmitAsync(await session.GetAsync($"/comments/new?parent={replyId}"), ("Body", "A reply to a reply"));
        Assert.Equal("Replies go under the comment they answer; you cannot reply to a reply", refused.FieldError("Body"));
    }

    [Fact]
    public async Task AnswersFromThePublisherOrProgrammeTeam_AreMarkedOfficial()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), organisation: "ofgem");
        var publisher = await SignedInAsync(await service.CreatePersonAsync(Roles.Publisher, "ofgem", twoFactor: true));
        var participant = await SignedInAsync(await service.CreatePersonAsync());

        await CommentAsync(participant, id, "Any news?");
        var page = await CommentAsync(publisher, id, "We publish this next month.");

        var comments = page.Document.QuerySelectorAll(".sod-comment").ToList();
        Assert.Null(comments[0].QuerySelector(".govuk-tag"));
        Assert.Equal("Official answer", comments[1].QuerySelector(".govuk-tag")!.TextContent);
    }

    [Fact]
    public async Task Editing_IsForTheAuthorWithinFifteenMinutes_AndKeepsTheHistory()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var author = await SignedInAsync(await service.CreatePersonAsync());
        await CommentAsync(author, id, "Frist");
        var commentId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == id).Select(c => c.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(await service.CreatePersonAsync())).GetAsync($"/comments/{commentId}/edit")).Status);
        var form = await author.GetAsync($"/comments/{commentId}/edit");
        var edited = await author.SubmitAsync(form, ("Body", "First"));
        Assert.Contains("(edited)", edited.Document.GetElementById($"comment-{commentId}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Frist"], await service.WithDatabaseAsync(db => db.CommentRevisions.Where(r => r.CommentId == commentId).Select(r => r.Body).ToListAsync()));

        service.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync($"/comments/{commentId}/edit")).Status);
        var late = await author.SubmitAsync(form, ("Body", "Too late"));
        Assert.Equal("Comments can only be changed by their author, within 15 minutes of posting", late.FieldError("Body"));
        Assert.Equal("First", await service.WithDatabaseAsync(db => db.Comments.Where(c => c.Id == commentId).Select(c => c.Body).SingleAsync()));
    }

    [Fact]
    public async Task Deleting_LeavesAPlaceholderAndKeepsReplies()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var author = await SignedInAsync(await service.CreatePersonAsync());
        await CommentAsync(author, id, "Something I regret");
        var commentId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == id).Select(c => c.Id).SingleAsync());
        var other = await SignedInAsync(await service.CreatePersonAsync());
        await other.SubmitAsync(await other.GetAsync($"/comments/new?parent={commentId}"), ("Body", "A reply that stays"));

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/comments/{commentId}/delete")).Status);
        var page = await author.SubmitAsync(await author.GetAsync($"/comments/{commentId}/delete"));

        var comment = page.Document.GetElementById($"comment-{commentId}")!;
        Assert.Contains("This comment was deleted.", comment.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Something I regret", page.Body, StringComparison.Ordinal);
        Assert.Contains("A reply that stays", comment.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAndDeleting_AreAuditedWithTheWordingBeforeAndAfter()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var authorPerson = await service.CreatePersonAsync();
        var author = await SignedInAsync(authorPerson);
        await CommentAsync(author, id, "Frist draft");
        var commentId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == id).Select(c => c.Id).SingleAsync());
        await author.SubmitAsync(await author.GetAsync($"/comments/{commentId}/edit"), ("Body", "First draft"));

        await author.SubmitAsync(await author.GetAsync($"/comments/{commentId}/delete"));

        var trail = await service.AuditTrailAsync("comment", commentId);
        Assert.Equal(["edited", "deleted"], trail.Select(e => e.Action));
        var (edited, deleted) = (trail[0], trail[1]);
        Assert.Equal(authorPerson.Id, edited.ActorId);
        Assert.Equal(("Frist draft", "First draft"), (edited.Before.Field("body"), edited.After.Field("body")));
        Assert.Equal(authorPerson.Id, deleted.ActorId);
        Assert.Equal(authorPerson.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), deleted.Before.Field("authorId"));
        Assert.Equal(("First draft", "false"), (deleted.Before.Field("body"), deleted.Before.Field("isDeleted")));
        Assert.Equal(("", "true"), (deleted.After.Field("body"), deleted.After.Field("isDeleted")));
        Assert.Equal("request", deleted.After.Field("targetType"));
    }

    [Fact]
    public async Task Reporting_OnceWithAReason_SaysWhatHappensNext()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var author = await SignedInAsync(await service.CreatePersonAsync());
        await CommentAsync(author, id, "Rude words");
        var commentId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == id).Select(c => c.Id).SingleAsync());
        var reporter = await service.CreatePersonAsync();
        var session = await SignedInAsync(reporter);
        var page = await session.GetAsync($"/requests/{id}");
        var link = page.Document.QuerySelector($"#comment-{commentId} a[href='/moderation/report/comment/{commentId}']");
        Assert.NotNull(link);

        var empty = await session.SubmitAsync(await session.GetAsync(link!.GetAttribute("href")!), ("Reason", ""));
        var other = await session.SubmitAsync(await session.GetAsync(link.GetAttribute("href")!), ("Reason", "other"), ("Detail", ""));
        var reported = await session.SubmitAsync(await session.GetAsync(link.GetAttribute("href")!), ("Reason", "abuse"), ("Detail", "Calls people names"));
        var again = await session.SubmitAsync(await session.GetAsync(link.GetAttribute("href")!), ("Reason", "spam"));

        Assert.Equal("Select what is wrong with it", empty.FieldError("Reason"));
        Assert.Equal("Say what is wrong with it", other.Errors.Single().Message);
        Assert.StartsWith("Thank you. A moderator will look at your report", reported.Flash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.StartsWith("You have already reported this", again.Errors.Single().Message, StringComparison.Ordinal);
        var reports = await service.WithDatabaseAsync(db => db.ModerationReports.Where(r => r.ItemType == "comment" && r.ItemId == commentId).ToListAsync());
        Assert.Equal((ModerationReason.Abuse, "Calls people names", reporter.Id), (reports.Single().Reason, reports.Single().Detail, reports.Single().ReporterId));
    }

    [Fact]
    public async Task CommentsOnAConfidentialRequest_AreNotForOthers()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester, confidential: true);
        var stranger = await SignedInAsync(await service.CreatePersonAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/comments/new?targetType=request&targetId={id}")).Status);
    }
}
