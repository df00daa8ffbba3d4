using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>Actions: owned by a member or an organisation, whose people hear of them, and closed only with a note.</summary>
[Collection(SharedService.Engagement)]
public sealed class ActionTests(ServiceFactory service)
{
    private static readonly DateOnly Due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

    private Task<GroupAction> AddAsync(Group group, Person by, string text, int? owner = null, int? organisation = null, params int[] requests) =>
        service.ActionsAsync(by, (actions, actor) => actions.AddAsync(group.Slug, null, new NewAction(text, owner, organisation, Due, requests), actor));

    private Task<GroupAction> UpdateAsync(GroupAction action, Person by, ActionState state, string? note) =>
        service.ActionsAsync(by, (actions, actor) => actions.UpdateAsync(action.Id, state, note, actor));

    private Task<int> OrganisationAsync(string slug) => service.WithDatabaseAsync(db => db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task TheOwner_MustBeAMemberOfTheGroup()
    {
        var (group, chair) = await service.CreateGroupAsync(name: "Energy Data Group");
        var outsider = await service.CreatePersonAsync(withPassword: false);

        var refused = await Assert.ThrowsAsync<RuleException>(() => AddAsync(group, chair, "Publish meter data", owner: outsider.Id));

        Assert.Equal("The owner must be a member of the group", refused.Message);
        Assert.False(await service.WithDatabaseAsync(db => db.GroupActions.AnyAsync(a => a.GroupId == group.Id)));
        await service.DrainOutboxAsync();
        Assert.Empty(service.Mail.To(outsider.Email));
    }

    [Fact]
    public async Task AnActionForAMember_IsEmailedToThem()
    {
        var (group, chair) = await service.CreateGroupAsync(name: "Water Data Group");
        var member = await service.CreatePersonAsync(withPassword: false);
        await service.AddMemberAsync(group, member);

        var action = await AddAsync(group, chair, "Draft the river flow data dictionary", owner: member.Id);

        var email = await service.Mail.WaitForAsync(member.Email, "New action for you from Water Data Group");
        Assert.Contains("Draft the river flow data dictionary", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/actions/{action.Id}", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(ActionState.Open, action.State);
    }

    [Fact]
    public async Task AnActionForAnOrganisation_IsEmailedToItsPublishers_AndServesTheRequestsGiven()
    {
        var (group, chair) = await service.CreateGroupAsync(name: "Forest Data Group");
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "forestry-commission", withPassword: false);
        var elsewhere = await service.CreatePersonAsync(Roles.Publisher, "home-office", withPassword: false);
        var request = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), organisation: "forestry-commission");

        var action = await AddAsync(group, chair, "Publish woodland cover by county", organisation: await OrganisationAsync("forestry-commission"), requests: [request]);

        var email = await service.Mail.WaitForAsync(publisher.Email, "New action for you from Forest Data Group");
        Assert.Contains("Publish woodland cover by county", email.TextBody, StringComparison.Ordinal);
        Assert.Equal([request], await service.WithDatabaseAsync(db => db.ActionRequests.Where(l => l.ActionId == action.Id).Select(l => l.RequestId).ToListAsync()));
        await service.DrainOutboxAsync();
        Assert.Empty(service.Mail.To(elsewhere.Email));
    }

    [Fact]
    public async Task DoneOrDropped_NeedsANote()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var member = await service.CreatePersonAsync(withPassword: false);
        await service.AddMemberAsync(group, member);
        var done = await AddAsync(group, chair, "Check the licence", owner: member.Id);
        var dropped = await AddAsync(group, chair, "Survey publishers", owner: member.Id);

        var noDoneNote = await Assert.ThrowsAsync<RuleException>(() => UpdateAsync(done, member, ActionState.Done, "  "));
        var noDropNote = await Assert.ThrowsAsync<RuleException>(() => UpdateAsync(dropped, member, ActionState.Dropped, null));
        Assert.Equal("Say what was done", noDoneNote.Message);
        Assert.Equal("Say why the action was dropped", noDropNote.Message);
        Assert.Equal(ActionState.Open, (await service.WithDatabaseAsync(db => db.GroupActions.SingleAsync(a => a.Id == done.Id))).State);

        await UpdateAsync(done, member, ActionState.Done, "It is the Open Government Licence.");
        await UpdateAsync(dropped, chair, ActionState.Dropped, "Another team ran the same survey.");

        var saved = await service.WithDatabaseAsync(db => db.GroupActions.Where(a => a.GroupId == group.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([(ActionState.Done, "It is the Open Government Licence."), (ActionState.Dropped, "Another team ran the same survey.")],
            saved.Select(a => (a.State, a.Note)));
        Assert.All(saved, a => Assert.False(a.IsOverdue(Due.AddDays(1))));
    }

    [Fact]
    public async Task TheOwnerAndTheOwningOrganisationsPublishers_CanUpdate_AnOutsiderCannot()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var owner = await service.CreatePersonAsync(withPassword: false);
        var otherMember = await service.CreatePersonAsync(withPassword: false);
        var outsider = await service.CreatePersonAsync(withPassword: false);
        var publisher = await service.CreatePersonAsync(Roles.Publisher, "ofgem", twoFactor: true, withPassword: false);
        await service.AddMemberAsync(group, owner);
        await service.AddMemberAsync(group, otherMember);
        var mine = await AddAsync(group, chair, "Write the summary", owner: owner.Id);
        var theirs = await AddAsync(group, chair, "Publish tariff data", organisation: await OrganisationAsync("ofgem"));

        await Assert.ThrowsAsync<ForbiddenException>(() => UpdateAsync(mine, outsider, ActionState.Done, "I did it"));
        await Assert.ThrowsAsync<ForbiddenException>(() => UpdateAsync(mine, otherMember, ActionState.Done, "I did it"));
        await Assert.ThrowsAsync<ForbiddenException>(() => UpdateAsync(theirs, owner, ActionState.Done, "I did it"));
        Assert.Equal(ActionState.Open, (await service.WithDatabaseAsync(db => db.GroupActions.SingleAsync(a => a.Id == mine.Id))).State);

        Assert.Equal(ActionState.Done, (await UpdateAsync(mine, owner, ActionState.Done, "Summary sent round.")).State);
        Assert.Equal(ActionState.Done, (await UpdateAsync(theirs, publisher, ActionState.Done, "Published on our site.")).State);
    }

    [Fact]
    public async Task AnOpenActionPastItsDueDate_IsOverdue()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var member = await service.CreatePersonAsync(withPassword: false);
        await service.AddMemberAsync(group, member);

        var action = await AddAsync(group, chair, "Reply to the department", owner: member.Id);

        Assert.False(action.IsOverdue(Due));
        Assert.True(action.IsOverdue(Due.AddDays(1)));
        var done = await UpdateAsync(action, member, ActionState.Done, "Replied.");
        Assert.False(done.IsOverdue(Due.AddDays(1)));
    }
}
