using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>
/// The message someone sends with a request to join a group, under moderation: only the group's managers read it, so
/// only they (and moderators) can report it; hidden, it shows the notice in its place and the request stays to be decided.
/// </summary>
[Collection(SharedService.Engagement)]
public sealed class JoinMessageModerationTests(ServiceFactory service)
{
    private const string Notice = "Hidden by a moderator: Abusive or offensive";

    [Fact]
    public async Task AHiddenJoinMessage_ShowsTheNoticeToTheManagers_TheWordsToModerators_AndLeavesTheRequestToDecide()
    {
        var (group, chairPerson) = await service.CreateGroupAsync(MembershipPolicy.OnRequest);
        var words = $"You are all idiots ({Guid.NewGuid():N}).";
        var applicantPerson = await service.CreatePersonAsync(name: "Ann Applicant");
        var request = await service.GroupsAsync(applicantPerson, (groups, actor) => groups.JoinAsync(group.Slug, words, actor));
        var members = $"/groups/{group.Slug}/members";
        var chair = await SignedInAsync(chairPerson);
        var moderator = await SignedInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        var programme = await SignedInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var applicant = await SignedInAsync(applicantPerson);
        var memberPerson = await service.CreatePersonAsync();
        await service.AddMemberAsync(group, memberPerson);
        var member = await SignedInAsync(memberPerson);
        var stranger = await SignedInAsync(await service.CreatePersonAsync());

        var card = (await chair.GetAsync(members)).Document.GetElementById($"member-{request.Id}");
        Assert.Contains(words, card!.TextContent, StringComparison.Ordinal);
        var link = card.QuerySelector($"a[href='/moderation/report/join_message/{request.Id}']");
        Assert.NotNull(link);
        foreach (var other in new[] { member, stranger })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/moderation/report/join_message/{request.Id}")).Status);
        }
        var own = await applicant.SubmitAsync(await applicant.GetAsync($"/moderation/report/join_message/{request.Id}"), ("Reason", "abuse"));
        Assert.StartsWith("You cannot report something you wrote", own.Errors.Single().Message, StringComparison.Ordinal);
        var reported = await chair.SubmitAsync(await chair.GetAsync(link!.GetAttribute("href")!), ("Reason", "abuse"));
        Assert.StartsWith("Thank you. A moderator will look at your report", reported.Flash, StringComparison.Ordinal);
        Assert.StartsWith(members, reported.Url, StringComparison.Ordinal);

        var hidden = await moderator.SubmitAsync(await moderator.GetAsync($"/moderation/items/join_message/{request.Id}"),
            [new("Reason", "abuse")], "form[action*='handler=hide']");

        Assert.Equal("Hidden. Its author and the people who reported it have been told", hidden.Flash);
        var toChair = (await chair.GetAsync(members)).Document.GetElementById($"member-{request.Id}")!;
        Assert.Equal(Notice, toChair.QuerySelector(".sod-moderation-notice")?.TextContent.Trim());
        Assert.DoesNotContain(words, toChair.TextContent, StringComparison.Ordinal);
        Assert.Null(toChair.QuerySelector("a[href^='/moderation/']"));
        var toProgramme = (await programme.GetAsync(members)).Document.GetElementById($"member-{request.Id}")!;
        Assert.Equal(Notice, toProgramme.QuerySelector(".sod-moderation-notice")?.TextContent.Trim());
        Assert.Contains(words, toProgramme.TextContent, StringComparison.Ordinal);
        Assert.NotNull(toProgramme.QuerySelector($"a[href='/moderation/items/join_message/{request.Id}']"));
        Assert.Contains(words, (await moderator.GetAsync($"/moderation/items/join_message/{request.Id}")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await chair.GetAsync($"/moderation/report/join_message/{request.Id}")).Status);
        await service.Mail.WaitForAsync(applicantPerson.Email, "A moderator has hidden your join message");
        var about = await applicant.GetAsync($"/moderation/about/join_message/{request.Id}");
        Assert.Equal(HttpStatusCode.OK, about.Status);
        Assert.Contains("Abusive or offensive", about.Text, StringComparison.Ordinal);

        // Hiding the message leaves the request itself alone: still waiting, and the chair can approve it.
        Assert.Equal(MemberState.Requested, await service.WithDatabaseAsync(db => db.GroupMembers.Where(m => m.Id == request.Id).Select(m => m.State).SingleAsync()));
        var restored = await moderator.SubmitAsync(await moderator.GetAsync($"/moderation/items/join_message/{request.Id}"), [], "form[action*='handler=restore']");
        Assert.Equal("Restored. Its author and the people who reported it have been told", restored.Flash);
        var back = (await chair.GetAsync(members)).Document.GetElementById($"member-{request.Id}")!;
        Assert.Contains(words, back.TextContent, StringComparison.Ordinal);
        Assert.Null(back.QuerySelector(".sod-moderation-notice"));
        var approved = await chair.SubmitAsync(await chair.GetAsync(members), [], $"form[action*='handler=Approve'][action*='member={request.Id}']");
        Assert.Equal("The request has been approved and the new member told", approved.Flash);
    }

    [Fact]
    public async Task Redacting_ReplacesTheMessage_OrTakesItAway()
    {
        var (group, chairPerson) = await service.CreateGroupAsync(MembershipPolicy.OnRequest);
        var applicant = await service.CreatePersonAsync();
        var request = await service.GroupsAsync(applicant, (groups, actor) => groups.JoinAsync(group.Slug, "Call me on 07700 900123.", actor));
        var members = $"/groups/{group.Slug}/members";
        var chair = await SignedInAsync(chairPerson);
        var moderator = await SignedInAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        var item = $"/moderation/items/join_message/{request.Id}";

        var tooLong = await moderator.SubmitAsync(await moderator.GetAsync(item), [new("Fields[message]", new string('x', GroupMember.MessageMaxLength + 1))], "form[action*='handler=redact']");
        var redacted = await moderator.SubmitAsync(await moderator.GetAsync(item), [new("Fields[message]", "Call me.")], "form[action*='handler=redact']");
        var afterRedaction = (await chair.GetAsync(members)).Document.GetElementById($"member-{request.Id}")!.TextContent;
        var emptied = await moderator.SubmitAsync(await moderator.GetAsync(item), [new("Fields[message]", "")], "form[action*='handler=redact']");
        var afterEmptying = (await chair.GetAsync(members)).Document.GetElementById($"member-{request.Id}")!.TextContent;

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal($"The join message must be {GroupMember.MessageMaxLength:N0} characters or fewer", tooLong.Errors.Single().Message);
        Assert.Equal("Personal data edited out. The original is kept for administrators only", redacted.Flash);
        Assert.Contains("Call me.", afterRedaction, StringComparison.Ordinal);
        Assert.DoesNotContain("07700", afterRedaction, StringComparison.Ordinal);
        Assert.Equal("Personal data edited out. The original is kept for administrators only", emptied.Flash);
        Assert.DoesNotContain("Why they want to join", afterEmptying, StringComparison.Ordinal);
        Assert.Null(await service.WithDatabaseAsync(db => db.GroupMembers.Where(m => m.Id == request.Id).Select(m => m.Message).SingleAsync()));
        Assert.Equal(MemberState.Requested, await service.WithDatabaseAsync(db => db.GroupMembers.Where(m => m.Id == request.Id).Select(m => m.State).SingleAsync()));
    }

    private async Task<WebSession> SignedInAsync(Person person)
    {
        var session = service.NewSession();
        await session.SignInAsync(person);
        return session;
    }
}
