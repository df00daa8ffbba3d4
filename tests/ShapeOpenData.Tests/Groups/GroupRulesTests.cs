using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>The rules groups and their actions keep themselves: who may join and how, requests, invitations, roles, and actions' notes.</summary>
public sealed class GroupRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 18, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 18);
    private const string InvitedEmail = "invited@example.com";

    private static Group NewGroup(MembershipPolicy policy = MembershipPolicy.OnRequest, bool isClosed = false) =>
        Group.Create("rail-data", new GroupDetails("Rail Data Group", GroupKind.WorkingGroup, "Better rail data.", "", policy, MembersOnly: false, isClosed), Now);

    private static GroupInvitation Invitation(Group group, GroupRole role = GroupRole.Member) =>
        group.Invite(InvitedEmail, "hash", role, invitedById: 1, Now);

    private static GroupAction NewAction() => GroupAction.Record(1, null, "  Publish the timetable  ", 7, null, Today.AddDays(14), [], Now);

    [Fact]
    public void JoiningAnOpenGroup_MakesAMemberAtOnce()
    {
        var group = NewGroup(MembershipPolicy.Open);

        var member = group.Join(7, null, Now);

        Assert.Equal((MemberState.Active, GroupRole.Member, Now), (member.State, member.Role, member.JoinedAt));
        Assert.Same(member, group.Members.Single());
    }

    [Fact]
    public void JoiningAGroupThatApprovesRequests_AsksTheChair_WithTheMessage()
    {
        var group = NewGroup(MembershipPolicy.OnRequest);

        var request = group.Join(7, "I analyse rail delays.", Now);

        Assert.Equal(MemberState.Requested, request.State);
        Assert.Null(request.JoinedAt);
        Assert.Equal("I analyse rail delays.", request.Message);
    }

    [Fact]
    public void JoiningAGroupByInvitation_IsRefused()
    {
        var group = NewGroup(MembershipPolicy.ByInvitation);

        var refused = Assert.Throws<RuleException>(() => group.Join(7, null, Now));

        Assert.Equal("This group is by invitation only", refused.Message);
        Assert.Empty(group.Members);
    }

    [Fact]
    public void JoiningAClosedGroup_IsRefused()
    {
        var group = NewGroup(MembershipPolicy.Open, isClosed: true);

        var refused = Assert.Throws<RuleException>(() => group.Join(7, null, Now));

        Assert.Equal("This group has closed and is not taking new members", refused.Message);
    }

    [Fact]
    public void JoiningTwice_KeepsTheFirstRequest()
    {
        var group = NewGroup(MembershipPolicy.OnRequest);
        var first = group.Join(7, "First message", Now);

        var second = group.Join(7, "Second message", Now.AddDays(1));

        Assert.Same(first, second);
        Assert.Equal("First message", Assert.Single(group.Members).Message);
    }

    [Fact]
    public void ApprovingARequest_MakesAMember_AndItCannotBeDecidedAgain()
    {
        var group = NewGroup();
        var request = group.Join(7, null, Now);

        group.Approve(request, Now.AddDays(2));

        Assert.Equal((MemberState.Active, Now.AddDays(2)), (request.State, request.JoinedAt));
        Assert.Equal("That request has already been decided", Assert.Throws<RuleException>(() => group.Approve(request, Now.AddDays(3))).Message);
        Assert.Equal("That request has already been decided", Assert.Throws<RuleException>(() => group.Decline(request)).Message);
        Assert.Equal(MemberState.Active, request.State);
    }

    [Fact]
    public void DecliningARequest_RemovesIt()
    {
        var group = NewGroup();
        var request = group.Join(7, null, Now);

        group.Decline(request);

        Assert.Empty(group.Members);
    }

    [Fact]
    public void InvitingToAClosedGroup_IsRefused()
    {
        var group = NewGroup(isClosed: true);

        var refused = Assert.Throws<RuleException>(() => Invitation(group));

        Assert.Equal("This group has closed", refused.Message);
    }

    [Fact]
    public void AnInvitation_LastsThirtyDays()
    {
        var invitation = Invitation(NewGroup());

        Assert.True(invitation.IsOpen(Now.AddDays(30).AddMinutes(-1)));
        Assert.False(invitation.IsOpen(Now.AddDays(30)));
    }

    [Fact]
    public void AcceptingAnInvitation_MakesAMemberInTheInvitedRole_EvenInAGroupByInvitation()
    {
        var group = NewGroup(MembershipPolicy.ByInvitation);
        var invitation = Invitation(group, GroupRole.Observer);

        var member = group.AcceptInvitation(invitation, 7, "INVITED@example.com", Now.AddDays(1));

        Assert.Equal((MemberState.Active, GroupRole.Observer, Now.AddDays(1)), (member.State, member.Role, member.JoinedAt));
        Assert.Equal(Now.AddDays(1), invitation.AcceptedAt);
    }

    [Fact]
    public void AcceptingAnInvitation_FromAnotherEmailAddress_IsRefused()
    {
        var group = NewGroup();
        var invitation = Invitation(group);

        var refused = Assert.Throws<RuleException>(() => group.AcceptInvitation(invitation, 8, "someone.else@example.com", Now));

        Assert.Contains("sent to a different email address", refused.Message, StringComparison.Ordinal);
        Assert.Empty(group.Members);
        Assert.Null(invitation.AcceptedAt);
    }

    [Fact]
    public void AnInvitation_WorksOnce_AndNotAfterThirtyDays()
    {
        var group = NewGroup();
        var used = Invitation(group);
        group.AcceptInvitation(used, 7, InvitedEmail, Now);
        var late = Invitation(group);

        var again = Assert.Throws<RuleException>(() => group.AcceptInvitation(used, 7, InvitedEmail, Now));
        var expired = Assert.Throws<RuleException>(() => group.AcceptInvitation(late, 8, InvitedEmail, Now + GroupInvitation.Lifetime));

        Assert.Contains("expired or has already been used", again.Message, StringComparison.Ordinal);
        Assert.Contains("expired or has already been used", expired.Message, StringComparison.Ordinal);
        Assert.Single(group.Members);
    }

    [Fact]
    public void AcceptingAnInvitation_AfterAskingToJoin_TurnsTheRequestIntoMembership()
    {
        var group = NewGroup();
        var request = group.Join(7, "Please", Now);

        var member = group.AcceptInvitation(Invitation(group, GroupRole.Secretariat), 7, InvitedEmail, Now.AddDays(1));

        Assert.Same(request, member);
        Assert.Equal((MemberState.Active, GroupRole.Secretariat), (member.State, member.Role));
        Assert.True(member.RunsGroup);
    }

    [Fact]
    public void ARole_IsGivenOnlyToAMember_NotToSomeoneStillAsking()
    {
        var group = NewGroup();
        var request = group.Join(7, null, Now);

        var refused = Assert.Throws<RuleException>(() => group.ChangeRole(request, GroupRole.Chair));
        group.Approve(request, Now);
        group.ChangeRole(request, GroupRole.Chair);

        Assert.Equal("Only a member can be given a role", refused.Message);
        Assert.True(request.RunsGroup);
    }

    [Fact]
    public void Leaving_RemovesTheMembership_AndSomeoneNotInTheGroupCannotLeave()
    {
        var group = NewGroup(MembershipPolicy.Open);
        var member = group.Join(7, null, Now);

        Assert.Same(member, group.Remove(7));
        Assert.Empty(group.Members);
        Assert.Equal("That person is not a member", Assert.Throws<RuleException>(() => group.Remove(7)).Message);
    }

    [Fact]
    public void AMeeting_OfAClosedGroup_OrInThePast_IsRefused()
    {
        var details = new MeetingDetails("Quarterly meeting", Now.AddDays(7), Now.AddDays(7).AddHours(2), MeetingTimes.DefaultTimeZone, "Room 1", null, "", null);
        var past = details with { StartsAt = Now.AddHours(-1), EndsAt = Now.AddHours(1) };

        var closed = Assert.Throws<RuleException>(() => Meeting.Schedule(NewGroup(isClosed: true), details, Now));
        var late = Assert.Throws<RuleException>(() => Meeting.Schedule(NewGroup(), past, Now));

        Assert.Equal("This group has closed", closed.Message);
        Assert.Equal("The meeting must start in the future", late.Message);
        Assert.Equal(MeetingState.Scheduled, Meeting.Schedule(null, details, Now).State);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(7, 3)]
    public void AnAction_IsOwnedByExactlyOneMemberOrOrganisation(int? ownerUserId, int? ownerOrganisationId)
    {
        var refused = Assert.Throws<RuleException>(() =>
            GroupAction.Record(1, null, "Publish the timetable", ownerUserId, ownerOrganisationId, Today, [], Now));

        Assert.Equal("Choose a member or an organisation to own the action", refused.Message);
    }

    [Fact]
    public void ANewAction_IsOpen_WithItsTextTrimmed_AndEachRequestOnce()
    {
        var action = GroupAction.Record(1, 5, "  Publish the timetable  ", null, 3, Today.AddDays(14), [12, 40, 12], Now);

        Assert.Equal((ActionState.Open, "Publish the timetable", 3), (action.State, action.Text, action.OwnerOrganisationId));
        Assert.Equal(new[] { 12, 40 }, action.Requests.Select(r => r.RequestId));
        Assert.False(action.IsOverdue(Today.AddDays(14)));
        Assert.True(action.IsOverdue(Today.AddDays(15)));
    }

    [Fact]
    public void MarkingAnActionDone_NeedsANoteSayingWhatWasDone()
    {
        var action = NewAction();

        var refused = Assert.Throws<RuleException>(() => action.MarkDone("  ", Now));
        action.MarkDone(" Published on the portal. ", Now.AddDays(1));

        Assert.Equal("Say what was done", refused.Message);
        Assert.Equal((ActionState.Done, "Published on the portal.", Now.AddDays(1)), (action.State, action.Note, action.UpdatedAt));
    }

    [Fact]
    public void DroppingAnAction_NeedsANoteSayingWhy()
    {
        var action = NewAction();

        var refused = Assert.Throws<RuleException>(() => action.Drop(null, Now));

        Assert.Equal("Say why the action was dropped", refused.Message);
        Assert.Equal(ActionState.Open, action.State);
        action.Drop("Overtaken by the new standard.", Now);
        Assert.Equal(ActionState.Dropped, action.State);
    }

    [Fact]
    public void ReopeningAnAction_NeedsNoNote_AndMakesItOverdueAgainWhenPastDue()
    {
        var action = NewAction();
        action.MarkDone("Published.", Now);

        action.Reopen(null, Now.AddDays(20));

        Assert.Equal((ActionState.Open, (string?)null), (action.State, action.Note));
        Assert.True(action.IsOverdue(Today.AddDays(20)));
    }
}
