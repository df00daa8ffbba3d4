using Microsoft.EntityFrameworkCore;

namespace ShapeOpenData.Tests.Comments;

/// <summary>A comment, its author following the item and the followers' emails are one unit of work.</summary>
[Collection(SharedService.Requests)]
public sealed class OneUnitOfWorkTests(ServiceFactory service)
{
    [Fact]
    public async Task PostingAComment_CrashingBeforeTheFollowersAreEmailed_LeavesNoCommentAndNoFollow()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync()); // its requester follows it
        var commenter = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(commenter);
        var form = await session.GetAsync($"/requests/{id}");
        var body = $"Crash comment {Guid.NewGuid():N}";

        await service.CrashAtSaveAsync(2, () => session.SubmitAsync(form, [new("Body", body)], "form[action='/comments/new']"));

        Assert.False(await service.WithDatabaseAsync(db => db.Comments.AnyAsync(c => c.Body == body)));
        Assert.False(await service.WithDatabaseAsync(db => db.Follows.AnyAsync(f => f.UserId == commenter.Id)));
    }
}
