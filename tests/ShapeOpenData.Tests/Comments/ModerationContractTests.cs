using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Comments;

/// <summary>Comments reached through <see cref="IModeratable"/>, the contract the moderation module will act through.</summary>
public sealed class ModerationContractTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    [Fact]
    public async Task AModerator_FindsAndHidesAComment_ThroughTheContract_AndReadersSeeItGone()
    {
        var requestId = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var author = service.NewSession();
        await author.SignInAsync(await service.CreatePersonAsync());
        await author.SubmitAsync(await author.GetAsync($"/requests/{requestId}"), [new("Body", "Buy cheap watches")], "form[action='/comments/new']");
        var commentId = await service.WithDatabaseAsync(db => db.Comments.Where(c => c.TargetId == requestId).Select(c => c.Id).SingleAsync());
        var moderator = await service.PrincipalAsync(await service.CreatePersonAsync(Roles.Moderator, twoFactor: true));
        var someone = await service.PrincipalAsync(await service.CreatePersonAsync());

        var found = await service.WithServicesAsync(s => s.GetServices<IModeratable>().Single(m => m.Type == "comment").FindAsync(commentId, moderator, default));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.WithServicesAsync(async s =>
        {
            await s.GetServices<IModeratable>().Single(m => m.Type == "comment").HideAsync(commentId, someone, default);
            return true;
        }));
        await service.WithServicesAsync(async s =>
        {
            await s.GetServices<IModeratable>().Single(m => m.Type == "comment").HideAsync(commentId, moderator, default);
            return true;
        });

        Assert.Equal("Buy cheap watches", found!.Text);
        Assert.Equal($"/requests/{requestId}#comment-{commentId}", found.Item.Url);
        var page = await service.NewSession().GetAsync($"/requests/{requestId}");
        Assert.DoesNotContain("Buy cheap watches", page.Document.QuerySelector($"#comment-{commentId}")!.TextContent, StringComparison.Ordinal);
    }
}
