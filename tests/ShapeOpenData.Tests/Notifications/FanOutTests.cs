using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>
/// An item with more followers than a change's own transaction tells: the change saves only the task, and the followers
/// are told afterwards, a chunk per transaction, each once, even with two instances at it.
/// </summary>
public sealed class FanOutTests(FanOutTests.Factory service) : IClassFixture<FanOutTests.Factory>
{
    /// <summary>Three followers told inline at most, two a step; the service's own fan-out asleep, so the test runs the steps.</summary>
    public sealed class Factory : ServiceFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            .. base.Settings, new("Notifications:InlineRecipients", "3"), new("Notifications:FanOutChunk", "2"),
            new("Notifications:FanOutPollSeconds", "3600"),
        ];
    }

    [Fact]
    public async Task ManyFollowers_AreToldAfterTheChange_InSteps_EachOnce_AsEachChose()
    {
        var requester = await service.CreatePersonAsync(withPassword: false);
        var id = await service.SubmitRequestAsync(requester);
        var followers = new List<Person>();
        foreach (var n in Enumerable.Range(0, 7))
        {
            var follower = await service.CreatePersonAsync(withPassword: false);
            if (n < 2)
            {
                await service.HearingAtOnceAsync(follower);
            }
            await service.WithDatabaseAsync(db =>
            {
                db.Follows.Add(new Follow { TargetType = ItemTypes.Request, TargetId = id, UserId = follower.Id, CreatedAt = DateTime.UtcNow });
                return db.SaveChangesAsync();
            });
            followers.Add(follower);
        }
        var programme = await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true);

        var response = await (await service.ApiClientAsync(programme)).PostAsJsonAsync($"/api/v1/requests/{id}/review", new { note = "Many are watching" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = await service.WithDatabaseAsync(db =>
            db.PendingNotifications.Where(p => p.FollowedType == ItemTypes.Request && p.FollowedId == id).Select(p => p.Key).SingleAsync());
        Assert.Equal(0, await service.WithDatabaseAsync(db => db.Notices.CountAsync(n => n.Key == key)));

        // Two instances take steps at once: each step is claimed by one of them.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => service.WithServicesAsync(s => s.GetRequiredService<FanOut>().RunAsync(CancellationToken.None))));

        var told = await service.WithDatabaseAsync(db => db.Notices.Where(n => n.Key == key).GroupBy(n => n.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(followers.Select(f => f.Id).Append(requester.Id).Order(), told.Select(t => t.UserId).Order());
        Assert.All(told, t => Assert.Equal(1, t.Count));
        Assert.False(await service.WithDatabaseAsync(db => db.PendingNotifications.AnyAsync(p => p.Key == key)));
        await service.Mail.WaitForAsync(requester.Email, "Review started");
        await service.Mail.WaitForAsync(followers[0].Email, "Review started");
        await service.Mail.WaitForAsync(followers[1].Email, "Review started");
        await service.DrainOutboxAsync();
        // The rest only follow it: theirs waits for the daily digest.
        Assert.All(followers.Skip(2), f => Assert.Empty(service.Mail.To(f.Email)));
        Assert.Equal(5, await service.WithDatabaseAsync(db => db.Notices.CountAsync(n => n.Key == key && n.AwaitingDigest == Delivery.Daily)));
        Assert.Empty(service.Mail.To(programme.Email));
    }
}
