namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// The votes last read of each large consultation, kept in memory between the background recomputations of its opinion
/// groups, so that the next reads only the votes cast or changed since (by their time) instead of all five million.
/// <see cref="StoredVotes"/> checks each catch-up against the statements' counts and reads everything again when they
/// differ (a vote taken back, a participant erased) and every few minutes in any case. Kept within a memory budget,
/// the least recently used dropped first.
/// </summary>
public sealed class VoteSnapshots
{
    /// <summary>Below this many votes a consultation is read whole each time: it takes milliseconds.</summary>
    private const int KeptFromVotes = 100_000;

    /// <summary>At most this many votes are kept in all: 128 MB.</summary>
    private const long Budget = 16_000_000;

    private readonly int _keptFrom;
    private readonly Lock _sync = new();
    private readonly Dictionary<int, (Snapshot Snapshot, long Used)> _kept = [];
    private long _uses;

    public VoteSnapshots()
        : this(KeptFromVotes)
    {
    }

    /// <param name="keptFrom">The fewest votes worth keeping (tests keep small consultations too).</param>
    internal VoteSnapshots(int keptFrom) => _keptFrom = keptFrom;

    /// <param name="LatestVoteAt">The time of the latest vote read: the next catch-up reads from a little before it.</param>
    /// <param name="FullyReadAt">When every vote was last read from the database rather than caught up with.</param>
    internal sealed record Snapshot(PackedVotes Votes, DateTime LatestVoteAt, DateTime FullyReadAt);

    /// <summary>The snapshot of a consultation, taken out while a run brings it up to date; none if there is none.</summary>
    internal Snapshot? Take(int consultationId)
    {
        lock (_sync)
        {
            return _kept.Remove(consultationId, out var kept) ? kept.Snapshot : null;
        }
    }

    internal void Keep(int consultationId, Snapshot snapshot)
    {
        if (snapshot.Votes.Count < _keptFrom || snapshot.Votes.Count > Budget)
        {
            return;
        }
        lock (_sync)
        {
            _kept[consultationId] = (snapshot, ++_uses);
            while (_kept.Values.Sum(k => (long)k.Snapshot.Votes.Count) > Budget)
            {
                _kept.Remove(_kept.MinBy(k => k.Value.Used).Key);
            }
        }
    }
}
