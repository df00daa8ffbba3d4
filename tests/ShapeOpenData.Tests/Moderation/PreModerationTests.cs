using System.Net;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Moderation;

/// <summary>The service with the programme's switch on: new accounts' first posts wait for a moderator.</summary>
public sealed class PreModeratedServiceFactory : ServiceFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Moderation:PreModerateFirstPosts", "true")];
}

public sealed class PreModerationTests(PreModeratedServiceFactory service) : IClassFixture<PreModeratedServiceFactory>
{
    [Fact]
    public async Task ANewAccountsFirstComment_WaitsForApproval_SeenOnlyByItsAuthorAndModerators_ThenTheirNextIsShownAtOnce()
    {
        var requester = await service.CreatePersonAsync();
        var requestId = await service.SubmitRequestAsync(requester);
        var newcomer = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(newcomer);

        var posted = await session.SubmitAsync(await session.GetAsync($"/requests/{requestId}"), [new("Body", "My very first comment")], "form[action='/comments/new']");
        var commentId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.AuthorId == newcomer.Id).Select(c => c.Id).SingleAsync());

        Assert.Contains("Waiting for a moderator to approve it", posted.Document.GetElementById($"comment-{commentId}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("My very first comment", posted.Document.GetElementById($"comment-{commentId}")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await service.NewSession().GetAsync($"/requests/{requestId}")).Document.GetElementById($"comment-{commentId}"));
        var stranger = service.NewSession();
        await stranger.SignInAsync(await service.CreatePersonAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/moderation/report/comment/{commentId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/comments/new?parent={commentId}")).Status);
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(requester.Email), m => (m.TextBody ?? "").Contains("My very first comment", StringComparison.Ordinal));

        var moderator = service.NewSession();
        await moderator.SignInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        var queue = await moderator.GetAsync("/moderation?state=approval");
        Assert.Contains("My very first comment", queue.Document.GetElementById($"entry-comment-{commentId}")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var approved = await moderator.SubmitAsync(queue, selector: $"form[action^='/moderation/items/comment/{commentId}?handler=approve']");
        Assert.StartsWith("Approved", approved.Flash, StringComparison.Ordinal);

        var shown = (await service.NewSession().GetAsync($"/requests/{requestId}")).Document.GetElementById($"comment-{commentId}")!.TextContent;
        Assert.Contains("My very first comment", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for a moderator", shown, StringComparison.Ordinal);
        await service.Mail.WaitForAsync(newcomer.Email, "Your comment is published");
        var next = await session.SubmitAsync(await session.GetAsync($"/requests/{requestId}"), [new("Body", "And my second")], "form[action='/comments/new']");
        Assert.Contains("And my second", (await service.NewSession().GetAsync($"/requests/{requestId}")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task StaffAreNeverHeld()
    {
        var requestId = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var moderator = service.NewSession();
        await moderator.SignInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));

        await moderator.SubmitAsync(await moderator.GetAsync($"/requests/{requestId}"), [new("Body", "A moderator's note")], "form[action='/comments/new']");

        Assert.Contains("A moderator's note", (await service.NewSession().GetAsync($"/requests/{requestId}")).Body, StringComparison.Ordinal);
    }
}
