using System.Net;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Moderation;

/// <summary>The moderation rules around the journey: who counts, who is never hidden automatically, what moderators see.</summary>
[Collection(SharedService.Requests)]
public sealed class ModerationRulesTests(ServiceFactory service)
{
    private async Task<WebSession> SignedInAsync(Person person)
    {
        var session = service.NewSession();
        await session.SignInAsync(person);
        return session;
    }

    private async Task<(int RequestId, int CommentId, Person Author)> CommentedAsync(string body, Person? author = null)
    {
        var requestId = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        author ??= await service.CreatePersonAsync();
        var session = await SignedInAsync(author);
        await session.SubmitAsync(await session.GetAsync($"/requests/{requestId}"), [new("Body", body)], "form[action='/comments/new']");
        var commentId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == requestId && c.AuthorId == author.Id).Select(c => c.Id).SingleAsync());
        return (requestId, commentId, author);
    }

    private async Task<WebPage> ReportAsync(Person reporter, int commentId, string reason = "spam")
    {
        var session = await SignedInAsync(reporter);
        return await session.SubmitAsync(await session.GetAsync($"/moderation/report/comment/{commentId}"), [new("Reason", reason)]);
    }

    private async Task<WebSession> ModeratorAsync() => await SignedInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));

    private async Task<bool> IsHiddenAsync(int commentId) => await service.WithDatabaseAsync(db => db.Comments.Where(c => c.Id == commentId).Select(c => c.Moderation.HiddenAt != null).SingleAsync());

    [Fact]
    public async Task StaffContent_IsNeverHiddenAutomatically_AndNobodyReportsTheirOwn()
    {
        var publisher = await service.CreatePersonAsync(Roles.Moderator, twoFactor: true);
        var (_, commentId, author) = await CommentedAsync("A moderator's reminder about the rules", publisher);

        for (var i = 0; i < 4; i++)
        {
            await ReportAsync(await service.CreatePersonAsync(), commentId);
        }
        var own = await ReportAsync(author, commentId);

        Assert.False(await IsHiddenAsync(commentId));
        Assert.Equal(HttpStatusCode.BadRequest, own.Status);
        Assert.StartsWith("You cannot report something you wrote", own.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReporterWhoseReportsAreOftenDismissed_CountsHalf_TowardsHidingAutomatically()
    {
        var crier = await service.CreatePersonAsync();
        var moderator = await ModeratorAsync();
        for (var i = 0; i < 3; i++)
        {
            var (_, innocent, _) = await CommentedAsync($"An ordinary comment {i}");
            await ReportAsync(crier, innocent);
            var item = await moderator.GetAsync($"/moderation/items/comment/{innocent}");
            Assert.StartsWith("Reports dismissed", (await moderator.SubmitAsync(item, selector: "form[action*='handler=dismiss']")).Flash, StringComparison.Ordinal);
        }
        var (_, commentId, _) = await CommentedAsync("Something arguable");

        await ReportAsync(crier, commentId);
        await ReportAsync(await service.CreatePersonAsync(), commentId);
        await ReportAsync(await service.CreatePersonAsync(), commentId);
        Assert.False(await IsHiddenAsync(commentId));  // 0.5 + 1 + 1 < 3
        var queue = await moderator.GetAsync($"/moderation/items/comment/{commentId}");
        Assert.Contains("reporter often dismissed: counts half", queue.Text, StringComparison.Ordinal);

        await ReportAsync(await service.CreatePersonAsync(), commentId);
        Assert.True(await IsHiddenAsync(commentId));
    }

    [Fact]
    public async Task SomeoneHiddenRepeatedly_IsFlaggedToModerators_AndTheQueueFiltersByReasonKindAndState()
    {
        var author = await service.CreatePersonAsync();
        var moderator = await ModeratorAsync();
        var hidden = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var (_, commentId, _) = await CommentedAsync($"Advert number {i}", author);
            var item = await moderator.GetAsync($"/moderation/items/comment/{commentId}");
            await moderator.SubmitAsync(item, [new("Reason", "spam")], "form[action*='handler=hide']");
            hidden.Add(commentId);
        }
        var (_, reported, _) = await CommentedAsync("Advert number 4", author);
        await ReportAsync(await service.CreatePersonAsync(), reported, "personal_data");

        var page = await moderator.GetAsync($"/moderation/items/comment/{reported}");
        var personalData = await moderator.GetAsync("/moderation?reason=personal_data&type=comment&state=waiting");
        var spamOnly = await moderator.GetAsync("/moderation?reason=spam");
        var hiddenState = await moderator.GetAsync("/moderation?state=hidden&type=comment");
        var badFilter = await moderator.GetAsync("/moderation?state=everything&reason=boredom");

        Assert.Contains("Author flagged: hidden 3 times recently", page.Text, StringComparison.Ordinal);
        Assert.NotNull(personalData.Document.GetElementById($"entry-comment-{reported}"));
        Assert.Null(spamOnly.Document.GetElementById($"entry-comment-{reported}"));
        Assert.All(hidden, id => Assert.NotNull(hiddenState.Document.GetElementById($"entry-comment-{id}")));
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.Status);
        Assert.Equal(["Select a reason from the list", "Select a state from the list"], badFilter.Errors.Select(e => e.Message).Order());
    }

    [Fact]
    public async Task EditingOutPersonalData_ReplacesTheWordsEverywhere_AndKeepsTheOriginalForAdministratorsOnly()
    {
        const string Phone = "call Jo on 07700 900123";
        var (requestId, commentId, author) = await CommentedAsync($"The data is wrong, {Phone}");
        await ReportAsync(await service.CreatePersonAsync(), commentId, "personal_data");
        var moderator = await ModeratorAsync();
        var item = await moderator.GetAsync($"/moderation/items/comment/{commentId}");

        var unchanged = await moderator.SubmitAsync(item, [new("Fields[body]", $"The data is wrong, {Phone}")], "form[action*='handler=redact']");
        var redacted = await moderator.SubmitAsync(item, [new("Fields[body]", "The data is wrong, call [personal data removed]")], "form[action*='handler=redact']");

        Assert.Equal(HttpStatusCode.BadRequest, unchanged.Status);
        Assert.StartsWith("Personal data edited out", redacted.Flash, StringComparison.Ordinal);
        var page = await service.NewSession().GetAsync($"/requests/{requestId}");
        Assert.Contains("[personal data removed]", page.Document.GetElementById($"comment-{commentId}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", (await moderator.GetAsync($"/moderation/items/comment/{commentId}")).Body, StringComparison.Ordinal);
        var administrator = await SignedInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        Assert.Contains(Phone, (await administrator.GetAsync($"/moderation/items/comment/{commentId}")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", await service.NewSession().Http.GetStringAsync("/moderation/log.json"), StringComparison.Ordinal);
        await service.Mail.WaitForAsync(author.Email, "Your comment has been edited");
    }

    [Fact]
    public async Task AModeratorsForms_RefuseWhatMakesNoSense_WithAMessage()
    {
        var (_, commentId, _) = await CommentedAsync("Nothing wrong with this");
        var moderator = await ModeratorAsync();
        var item = await moderator.GetAsync($"/moderation/items/comment/{commentId}");

        var noReason = await moderator.SubmitAsync(item, [new("Reason", "")], "form[action*='handler=hide']");
        var longNote = await moderator.SubmitAsync(item, [new("Reason", "spam"), new("Note", new string('x', 2_001))], "form[action*='handler=hide']");
        var participant = await SignedInAsync(await service.CreatePersonAsync());

        Assert.Equal("Select why it is being hidden", noReason.FieldError("Reason"));
        Assert.Equal(HttpStatusCode.BadRequest, longNote.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync($"/moderation/items/comment/{commentId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync("/moderation")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync("/moderation/items/comment/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/moderation/items/no_such_kind/{commentId}")).Status);
        Assert.False(await IsHiddenAsync(commentId));
    }
}
