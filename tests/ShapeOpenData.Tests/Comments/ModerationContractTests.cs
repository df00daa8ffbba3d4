using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Comments;

/// <summary>Comments reached through <see cref="IModeratable"/>, the contract the moderation module acts through.</summary>
[Collection(SharedService.Requests)]
public sealed class ModerationContractTests(ServiceFactory service)
{
    [Fact]
    public async Task AComment_IsFoundOnlyByThoseWhoMaySeeIt_AndHidingItLeavesItsPlace()
    {
        var requestId = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var author = service.NewSession();
        var writer = await service.CreatePersonAsync();
        await author.SignInAsync(writer);
        await author.SubmitAsync(await author.GetAsync($"/requests/{requestId}"), [new("Body", "Buy cheap watches")], "form[action='/comments/new']");
        var commentId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == requestId).Select(c => c.Id).SingleAsync());
        var moderator = await service.PrincipalAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        var someone = await service.PrincipalAsync(await service.CreatePersonAsync());
        IModeratable Comments(IServiceProvider s) => s.GetServices<IModeratable>().Single(m => m.Type == "comment");

        var found = await service.WithServicesAsync(s => Comments(s).FindAsync(commentId, moderator, default));
        await service.WithServicesAsync(async s =>
        {
            await Comments(s).ApplyAsync(commentId, new ModerationChange.Hide(ModerationReason.Spam), default);
            return await s.GetRequiredService<ShapeOpenData.Data.AppDbContext>().SaveChangesAsync();
        });
        var hiddenToSomeone = await service.WithServicesAsync(s => Comments(s).FindAsync(commentId, someone, default));

        Assert.Equal(("Buy cheap watches", writer.Id), (found!.Fields.Single().Text, found.AuthorId));
        Assert.Equal($"/requests/{requestId}#comment-{commentId}", found.Item.Url);
        Assert.Null(hiddenToSomeone);
        var place = (await service.NewSession().GetAsync($"/requests/{requestId}")).Document.QuerySelector($"#comment-{commentId}")!.TextContent;
        Assert.DoesNotContain("Buy cheap watches", place, StringComparison.Ordinal);
        Assert.Contains("Hidden by a moderator: Spam or advertising", place, StringComparison.Ordinal);
        var toAuthor = (await author.GetAsync($"/requests/{requestId}")).Document.QuerySelector($"#comment-{commentId}")!.TextContent;
        Assert.Contains("Buy cheap watches", toAuthor, StringComparison.Ordinal);
        Assert.Contains("Hidden by a moderator: Spam or advertising", toAuthor, StringComparison.Ordinal);
    }
}
