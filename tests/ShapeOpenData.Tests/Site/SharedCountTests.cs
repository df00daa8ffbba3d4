using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Tests.Site;

/// <summary>
/// The count anonymous list readers share: fresh for half a second, served while one recount runs for the
/// next half second, and waited for when older than that.
/// </summary>
public sealed class SharedCountTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task FreshIsShared_StaleIsServedWhileOneRecountRuns_OldIsWaitedFor()
    {
        var clock = new Clock();
        var shared = new SharedCount(clock);
        var counted = new List<int>();
        Task<int> Count(int value)
        {
            lock (counted) counted.Add(value);
            return Task.FromResult(value);
        }

        Assert.Equal(10, await shared.GetAsync(() => Count(10)));
        clock.Now += TimeSpan.FromSeconds(0.3);
        Assert.Equal(10, await shared.GetAsync(() => Count(99)));

        // Stale: the old count is served at once while one recount runs.
        clock.Now += TimeSpan.FromSeconds(0.4);
        var slowRecount = new TaskCompletionSource<int>();
        var hangGuard = TimeSpan.FromSeconds(30);
        Assert.Equal(10, await shared.GetAsync(() => slowRecount.Task).WaitAsync(hangGuard));
        Assert.Equal(10, await shared.GetAsync(() => Count(99)).WaitAsync(hangGuard));
        slowRecount.SetResult(20);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await shared.GetAsync(() => Count(99)) != 20)
        {
            await Task.Delay(10, limit.Token);
        }
        Assert.Equal([10], counted);  // nobody else recounted while the count was fresh or being recounted

        // Older than a second: readers wait for the new count.
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(30, await shared.GetAsync(() => Count(30)));
        Assert.Equal([10, 30], counted);
    }
}
