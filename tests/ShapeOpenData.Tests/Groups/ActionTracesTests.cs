using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Groups;

/// <summary>Actions as the traceability contracts give them: found by number, address or words, public groups' only, where each stands, and the requests each serves.</summary>
[Collection(SharedService.Engagement)]
public sealed class ActionTracesTests(ServiceFactory service)
{
    private static readonly DateOnly Due = new(2031, 3, 3);

    private Task<GroupAction> AddAsync(Group group, Person by, string text, params int[] requests) =>
        service.ActionsAsync(by, (actions, actor) => actions.AddAsync(group.Slug, null, new NewAction(text, by.Id, null, Due, requests), actor));

    private Task<TracedItem?> FindAsync(string reference) => service.TraceableAsync(ItemTypes.Action, a => a.FindAsync(reference, CancellationToken.None));

    [Fact]
    public async Task AnAction_IsFoundByNumberAddressOrWords_WithWhereItStands_NeverAMembersOnlyGroups()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var (secretGroup, secretChair) = await service.CreateGroupAsync(membersOnly: true);
        var words = $"Publish the bus stop register {Guid.NewGuid():N}";
        var action = await AddAsync(group, chair, words);
        var secret = await AddAsync(secretGroup, secretChair, $"A members-only action {Guid.NewGuid():N}");

        var byKey = await FindAsync($"action {action.Id}");

        Assert.Equal(new TracedItem(ItemTypes.Action, action.Id, $"action {action.Id}", words, $"/actions/{action.Id}", "open, due 3 March 2031"), byKey);
        Assert.Equal(byKey, await FindAsync($"https://example.com/actions/{action.Id}"));
        Assert.Equal(byKey, await FindAsync($"/actions/{action.Id}"));
        Assert.Equal(byKey, await FindAsync(words));
        Assert.Null(await FindAsync($"action {secret.Id}"));
        Assert.Null(await FindAsync(secret.Text));
        Assert.Equal([action.Id], (await service.TraceableAsync(ItemTypes.Action, a => a.PublicAsync([action.Id, secret.Id], CancellationToken.None))).Select(a => a.Id));

        await service.ActionsAsync(chair, (actions, actor) => actions.UpdateAsync(action.Id, ActionState.Done, "Published.", actor));
        var today = DateOnly.FromDateTime(ShapeOpenData.Infrastructure.TimeProviderExtensions.ToUkTime(service.UtcNow()));
        Assert.Equal($"done {today:d MMMM yyyy}", (await FindAsync($"action {action.Id}"))!.Standing);
    }

    [Fact]
    public async Task AnActionServingRequests_IsLinkedToEach_FromWhenItWasRecorded()
    {
        var (group, chair) = await service.CreateGroupAsync();
        var requester = await service.CreatePersonAsync(withPassword: false);
        var (first, second) = (await service.SubmitRequestAsync(requester), await service.SubmitRequestAsync(requester));

        var action = await AddAsync(group, chair, "Find out who holds the data", first, second);

        var links = await service.KeptLinksOfAsync(new ItemRef(ItemTypes.Action, action.Id));
        var recordedAt = await service.WithDatabaseAsync(db => db.GroupActions.Where(a => a.Id == action.Id).Select(a => a.CreatedAt).SingleAsync());
        Assert.Equal(
            [
                new TraceLink(new ItemRef(ItemTypes.Action, action.Id), new ItemRef(ItemTypes.Request, first), "Action serves this request", recordedAt),
                new TraceLink(new ItemRef(ItemTypes.Action, action.Id), new ItemRef(ItemTypes.Request, second), "Action serves this request", recordedAt),
            ], links);
        Assert.Equal([links[0]], await service.KeptLinksOfAsync(new ItemRef(ItemTypes.Request, first)));
        Assert.Contains(links[1], await service.AllKeptLinksAsync());
    }
}
