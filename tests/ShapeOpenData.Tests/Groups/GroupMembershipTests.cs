using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>Joining a group by each of its policies, and who may decide: through the workflows, with real email.</summary>
[Collection(SharedService.Engagement)]
public sealed class GroupMembershipTests(ServiceFactory service)
{
    [Fact]
    public async Task JoiningAnOpenGroup_MakesAMemberAtOnce_WhoFollowsIt()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.Open);
        var person = await service.CreatePersonAsync(withPassword: false);

        var member = await service.GroupsAsync(person, (groups, actor) => groups.JoinAsync(group.Slug, null, actor));

        Assert.Equal(MemberState.Active, member.State);
        Assert.Equal(GroupRole.Member, member.Role);
        Assert.True(await service.WithServicesAsync(s => s.GetRequiredService<ShapeOpenData.Modules.Follows.Following>()
            .IsFollowingAsync(person.Id, GroupsModule.GroupItemType, group.Id)));
        await service.DrainOutboxAsync();
        Assert.DoesNotContain(service.Mail.To(chair.Email), m => (m.Subject ?? "").Contains("Request to join", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskingToJoin_TellsTheChair_WhoApproves_AndTheApplicantBecomesAMemberAndIsTold()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.OnRequest, name: "Rail Data Working Group");
        var applicant = await service.CreatePersonAsync(name: "Asha Applicant", withPassword: false);

        var request = await service.GroupsAsync(applicant, (groups, actor) => groups.JoinAsync(group.Slug, "I analyse rail delays.", actor));

        Assert.Equal(MemberState.Requested, request.State);
        var toChair = await service.Mail.WaitForAsync(chair.Email, "Request to join Rail Data Working Group");
        Assert.Contains("Asha Applicant has asked to join Rail Data Working Group", toChair.TextBody, StringComparison.Ordinal);
        Assert.Contains("I analyse rail delays.", toChair.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/groups/{group.Slug}/members", toChair.TextBody, StringComparison.Ordinal);

        await service.GroupsAsync(chair, (groups, actor) => groups.DecideAsync(group.Slug, request.Id, approve: true, actor));

        var toApplicant = await service.Mail.WaitForAsync(applicant.Email, "You are now a member of Rail Data Working Group");
        Assert.Contains($"/groups/{group.Slug}", toApplicant.TextBody, StringComparison.Ordinal);
        var member = await service.WithDatabaseAsync(db => db.GroupMembers.SingleAsync(m => m.GroupId == group.Id && m.UserId == applicant.Id));
        Assert.Equal(MemberState.Active, member.State);
        Assert.NotNull(member.JoinedAt);
    }

    [Fact]
    public async Task DecliningARequest_RemovesIt_AndTellsTheApplicant()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.OnRequest, name: "Ports Data Group");
        var applicant = await service.CreatePersonAsync(withPassword: false);
        var request = await service.GroupsAsync(applicant, (groups, actor) => groups.JoinAsync(group.Slug, null, actor));

        await service.GroupsAsync(chair, (groups, actor) => groups.DecideAsync(group.Slug, request.Id, approve: false, actor));

        var told = await service.Mail.WaitForAsync(applicant.Email, "Your request to join Ports Data Group");
        Assert.Contains("was not approved", told.TextBody, StringComparison.Ordinal);
        Assert.False(await service.WithDatabaseAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.UserId == applicant.Id)));
        // A declined request is gone: it cannot be approved afterwards.
        await Assert.ThrowsAsync<NotFoundException>(() =>
            service.GroupsAsync(chair, (groups, actor) => groups.DecideAsync(group.Slug, request.Id, approve: true, actor)));
    }

    [Fact]
    public async Task AGroupByInvitation_RefusesSomeoneJoining()
    {
        var (group, _) = await service.CreateGroupAsync(MembershipPolicy.ByInvitation, kind: GroupKind.SteeringGroup);
        var person = await service.CreatePersonAsync(withPassword: false);

        var refused = await Assert.ThrowsAsync<RuleException>(() => service.GroupsAsync(person, (groups, actor) => groups.JoinAsync(group.Slug, null, actor)));

        Assert.Equal("This group is by invitation only", refused.Message);
        Assert.False(await service.WithDatabaseAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.UserId == person.Id)));
    }

    [Fact]
    public async Task AnInvitation_ArrivesByEmailWithALink_ThatWorksOnceAndOnlyForThatAddress()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.ByInvitation, kind: GroupKind.SteeringGroup, name: "Open Data Steering Group");
        var invitee = await service.CreatePersonAsync(withPassword: false);
        var someoneElse = await service.CreatePersonAsync(withPassword: false);

        await service.GroupsAsync(chair, (groups, actor) => groups.InviteAsync(group.Slug, invitee.Email, GroupRole.Observer, actor));

        var email = await service.Mail.WaitForAsync(invitee.Email, "You are invited to join Open Data Steering Group");
        Assert.Contains("as observer", email.TextBody, StringComparison.Ordinal);
        var link = MailCatcher.LinkIn(email);
        Assert.StartsWith($"/groups/{group.Slug}/invitations/", link, StringComparison.Ordinal);
        var secret = link.Split('/')[^1];

        var wrongAccount = await Assert.ThrowsAsync<RuleException>(() =>
            service.GroupsAsync(someoneElse, (groups, actor) => groups.AcceptInvitationAsync(group.Slug, secret, actor)));
        Assert.Contains("different email address", wrongAccount.Message, StringComparison.Ordinal);
        Assert.False(await service.WithDatabaseAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.UserId == someoneElse.Id)));

        await service.GroupsAsync(invitee, (groups, actor) => groups.AcceptInvitationAsync(group.Slug, secret, actor));
        var member = await service.WithDatabaseAsync(db => db.GroupMembers.SingleAsync(m => m.GroupId == group.Id && m.UserId == invitee.Id));
        Assert.Equal((MemberState.Active, GroupRole.Observer), (member.State, member.Role));

        var used = await Assert.ThrowsAsync<RuleException>(() =>
            service.GroupsAsync(invitee, (groups, actor) => groups.AcceptInvitationAsync(group.Slug, secret, actor)));
        Assert.Contains("expired or has already been used", used.Message, StringComparison.Ordinal);
        var madeUp = await Assert.ThrowsAsync<RuleException>(() =>
            service.GroupsAsync(someoneElse, (groups, actor) => groups.AcceptInvitationAsync(group.Slug, "not-a-real-secret", actor)));
        Assert.Contains("expired or has already been used", madeUp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoDoesNotRunTheGroup_CannotApproveInviteScheduleOrRecordActions()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.OnRequest);
        var member = await service.CreatePersonAsync(withPassword: false);
        await service.AddMemberAsync(group, member);
        var applicant = await service.CreatePersonAsync(withPassword: false);
        var request = await service.GroupsAsync(applicant, (groups, actor) => groups.JoinAsync(group.Slug, null, actor));
        var start = DateTime.UtcNow.AddDays(7);

        await Assert.ThrowsAsync<ForbiddenException>(() => service.GroupsAsync(member, (groups, actor) => groups.DecideAsync(group.Slug, request.Id, true, actor)));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.GroupsAsync(member, (groups, actor) => groups.InviteAsync(group.Slug, "friend@example.com", GroupRole.Member, actor)));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.GroupsAsync(member, (groups, actor) => groups.SetRoleAsync(group.Slug, request.Id, GroupRole.Chair, actor)));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.MeetingsAsync(member, (meetings, actor) => meetings.ScheduleAsync(group.Slug,
            new MeetingDetails("Unofficial meeting", start, start.AddHours(1), MeetingTimes.DefaultTimeZone, "Cafe", null, "", null), actor)));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ActionsAsync(member, (actions, actor) => actions.AddAsync(group.Slug, null,
            new NewAction("Do something", member.Id, null, DateOnly.FromDateTime(start), []), actor)));

        var stillWaiting = await service.WithDatabaseAsync(db => db.GroupMembers.SingleAsync(m => m.Id == request.Id));
        Assert.Equal(MemberState.Requested, stillWaiting.State);
        Assert.False(await service.WithDatabaseAsync(db => db.Meetings.AnyAsync(m => m.GroupId == group.Id)));
        Assert.False(await service.WithDatabaseAsync(db => db.GroupInvitations.AnyAsync(i => i.GroupId == group.Id)));
        Assert.False(await service.WithDatabaseAsync(db => db.GroupActions.AnyAsync(a => a.GroupId == group.Id)));
        // The chair can do what the member could not.
        await service.GroupsAsync(chair, (groups, actor) => groups.DecideAsync(group.Slug, request.Id, true, actor));
    }
}

/// <summary>Invitations run out after 30 days, on a clock the test moves.</summary>
public sealed class InvitationExpiryTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    [Fact]
    public async Task AnInvitation_AfterThirtyDays_IsRefused()
    {
        var (group, chair) = await service.CreateGroupAsync(MembershipPolicy.ByInvitation);
        var invitee = await service.CreatePersonAsync(withPassword: false);
        await service.GroupsAsync(chair, (groups, actor) => groups.InviteAsync(group.Slug, invitee.Email, GroupRole.Member, actor));
        var secret = MailCatcher.LinkIn(await service.Mail.WaitForAsync(invitee.Email, "You are invited")).Split('/')[^1];
        service.Clock.Advance(GroupInvitation.Lifetime - TimeSpan.FromHours(1));
        Assert.NotNull(await service.GroupsAsync(invitee, (groups, _) => groups.InvitationAsync(group.Slug, secret, default)));

        service.Clock.Advance(TimeSpan.FromHours(2));

        var expired = await Assert.ThrowsAsync<RuleException>(() =>
            service.GroupsAsync(invitee, (groups, actor) => groups.AcceptInvitationAsync(group.Slug, secret, actor)));
        Assert.Contains("expired", expired.Message, StringComparison.Ordinal);
        Assert.False(await service.WithDatabaseAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.UserId == invitee.Id)));
    }
}
