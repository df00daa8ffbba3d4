namespace ShapeOpenData.Infrastructure;

/// <summary>
/// A count anonymous readers share. It is fresh for half a second. For the half second after that it is still
/// served while one reader's recount runs, so under load nobody waits for a count; older than a second,
/// readers wait for the recount. Either way a change shows within a second.
/// </summary>
public sealed class SharedCount(TimeProvider clock)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan ServedWhileRecountingFor = TimeSpan.FromSeconds(1);

    private readonly Lock sync = new();
    private (int Value, DateTime CountedAt)? last;
    private Task<int>? recounting;

    public Task<int> GetAsync(Func<Task<int>> count)
    {
        var now = clock.UtcNow();
        lock (sync)
        {
            if (last is { } known && now - known.CountedAt < FreshFor)
            {
                return Task.FromResult(known.Value);
            }
            recounting ??= Task.Run(() => RecountAsync(count, now));
            return last is { } stale && now - stale.CountedAt < ServedWhileRecountingFor ? Task.FromResult(stale.Value) : recounting;
        }
    }

    private async Task<int> RecountAsync(Func<Task<int>> count, DateTime startedAt)
    {
        try
        {
            var value = await count();
            lock (sync) last = (value, startedAt);
            return value;
        }
        finally
        {
            lock (sync) recounting = null;
        }
    }
}
