using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Notifications;

namespace ShapeOpenData.Tests.Notifications;

/// <summary>
/// The digest run killed with <c>kill -9</c> at random points and started again: every person gets exactly one digest
/// for the period. The processes only write digests; this test's own service sends them, and is never killed.
/// </summary>
[RunsProcesses]
public sealed class DigestRestartTests(DigestRestartTests.Factory service) : IClassFixture<DigestRestartTests.Factory>
{
    /// <summary>Its own digest run asleep (it ran once, at start, before the test arranged anything).</summary>
    public sealed class Factory : ServiceFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Notifications:DigestPollSeconds", "3600")];
    }

    private const int People = 100;

    private Task<int> DigestsWrittenAsync() => service.WithDatabaseAsync(db => db.OutboxEmails.CountAsync(m => m.Key.StartsWith("digest:daily-")));

    [Fact]
    public async Task KilledAtRandomPointsAndRestarted_EveryPersonGetsExactlyOneDigest()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), title: "Road works in real time");
        var people = new List<Person>();
        for (var i = 0; i < People; i++)
        {
            people.Add(await service.CreatePersonAsync(withPassword: false));
        }
        // Two days ago, so yesterday's 7am period holds them whatever the time of day now.
        var then = DateTime.UtcNow.AddDays(-2);
        await service.WithDatabaseAsync(db =>
        {
            foreach (var person in people)
            {
                foreach (var n in new[] { 1, 2 })
                {
                    db.Notices.Add(Notice.For(person.Id, new Notification($"test:restart:{n}", $"Update {n} on road works", $"Body {n}", $"follow:request:{id}"),
                        then.AddMinutes(n), Delivery.Daily));
                }
            }
            return db.SaveChangesAsync();
        });
        // The processes write digests but send nothing.
        KeyValuePair<string, string?>[] writeOnly = [.. service.DatabaseSettings, new("Notifications:BatchSize", "0")];

        var random = new Random();
        var killedAt = new List<int>();
        for (var run = 0; run < 3; run++)
        {
            var written = await DigestsWrittenAsync();
            var target = written + random.Next(1, Math.Max(2, (People - written) / 2));
            await using var process = new ServiceProcess(writeOnly);
            await process.StartAsync(waitUntilReady: false);
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (await DigestsWrittenAsync() < target && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            await process.KillAsync();
            killedAt.Add(await DigestsWrittenAsync());
        }
        Assert.True(killedAt[0] < People, $"The first run was killed after {killedAt[0]} of {People} digests, not in the middle");

        await using (var last = new ServiceProcess(writeOnly))
        {
            await last.StartAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (await DigestsWrittenAsync() < People && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        foreach (var person in people)
        {
            await service.Mail.WaitForAsync(person.Email, "Your daily digest: 2 updates on 1 thing");
        }
        await service.DrainOutboxAsync();
        Assert.All(people, p => Assert.Single(service.Mail.To(p.Email)));
        Assert.Equal(People, await DigestsWrittenAsync());
        Assert.Equal(0, await service.WithDatabaseAsync(db => db.Notices.CountAsync(n => n.Key.StartsWith("test:restart:") && n.AwaitingDigest != null)));
    }
}
