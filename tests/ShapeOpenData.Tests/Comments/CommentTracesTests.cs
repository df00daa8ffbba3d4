using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Comments;

/// <summary>Comments as the traceability contracts give them: found by number or their place on their item's page, and only those everyone may read.</summary>
[Collection(SharedService.Requests)]
public sealed class CommentTracesTests(ServiceFactory service)
{
    private Task<Comment> PostAsync(Person author, int requestId, string body) =>
        service.WithServicesAsync(async s => await s.GetRequiredService<CommentThreads>().PostAsync(ItemTypes.Request, requestId, null, body, await service.PrincipalAsync(author), CancellationToken.None));

    private Task<TracedItem?> FindAsync(string reference) => service.TraceableAsync(ItemTypes.Comment, c => c.FindAsync(reference, CancellationToken.None));

    [Fact]
    public async Task AComment_IsFoundByNumberOrAddress_NeverAHiddenDeletedOrConfidentialOne()
    {
        var author = await service.CreatePersonAsync(withPassword: false);
        var title = $"Bus stop locations {Guid.NewGuid():N}";
        var request = await service.SubmitRequestAsync(author, title: title);
        var confidential = await service.SubmitRequestAsync(author, confidential: true);
        var shown = await PostAsync(author, request, "We would use this for a journey planner.");
        var hidden = await PostAsync(author, request, "Buy cheap watches.");
        var deleted = await PostAsync(author, request, "Posted by mistake.");
        var secret = await PostAsync(author, confidential, "A comment on a confidential request.");
        await service.WithServicesAsync(async s =>
        {
            await s.GetServices<IModeratable>().Single(m => m.Type == ItemTypes.Comment).ApplyAsync(hidden.Id, new ModerationChange.Hide(ModerationReason.Spam), CancellationToken.None);
            await s.GetRequiredService<ShapeOpenData.Data.AppDbContext>().SaveChangesAsync();
            await s.GetRequiredService<CommentThreads>().DeleteAsync(deleted.Id, await service.PrincipalAsync(author), CancellationToken.None);
            return 0;
        });

        var byKey = await FindAsync($"comment {shown.Id}");

        Assert.Equal(new TracedItem(ItemTypes.Comment, shown.Id, $"{shown.Id}", $"Comment on {title}", $"/requests/{request}#comment-{shown.Id}"), byKey);
        Assert.Equal(byKey, await FindAsync($"https://example.com/requests/{request}#comment-{shown.Id}"));
        Assert.Equal(byKey, await FindAsync($"/requests/{request}#comment-{shown.Id}"));
        Assert.Equal(byKey, await FindAsync($"{shown.Id}"));
        foreach (var unseen in new[] { hidden, deleted, secret })
        {
            Assert.Null(await FindAsync($"comment {unseen.Id}"));
        }
        Assert.Equal([shown.Id], (await service.TraceableAsync(ItemTypes.Comment, c => c.PublicAsync([shown.Id, hidden.Id, deleted.Id, secret.Id], CancellationToken.None))).Select(c => c.Id));
    }
}
