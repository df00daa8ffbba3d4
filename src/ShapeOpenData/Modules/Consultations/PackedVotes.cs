using ShapeOpenData.Modules.Consultations.OpinionGroups;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// A consultation's votes as they come from the database, one 64-bit number each: the participant's id, the statement's
/// id and the vote (participant × 2³² + statement × 4 + vote + 1; statement ids fit in 30 bits, participant ids in 31).
/// Five million take 40 MB and no object each; <see cref="Merge"/> brings them up to date with the votes cast since,
/// and <see cref="Unpack"/> turns them into the engine's input.
/// </summary>
internal sealed class PackedVotes(int capacity)
{
    private long[] _items = new long[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public static long Pack(int participantId, int statementId, int vote) => ((long)participantId << 32) | ((long)statementId << 2) | (uint)(vote + 1);

    public void Add(long packed)
    {
        if (Count == _items.Length)
        {
            // An eighth more: these arrays are large, and a snapshot is kept for a while.
            Array.Resize(ref _items, (int)Math.Min(Array.MaxLength, _items.Length + Math.Max(_items.Length / 8, 1 << 16)));
        }
        _items[Count++] = packed;
    }

    /// <summary>Takes the votes given (cast or changed since these were read): a participant's vote on a statement replaces the one here.</summary>
    public void Merge(IReadOnlyList<long> newer)
    {
        var latest = new Dictionary<long, long>(newer.Count);
        foreach (var vote in newer)
        {
            latest[vote >> 2] = vote;
        }
        for (var i = 0; i < Count && latest.Count > 0; i++)
        {
            if (latest.Remove(_items[i] >> 2, out var replacement))
            {
                _items[i] = replacement;
            }
        }
        foreach (var vote in newer)
        {
            if (latest.Remove(vote >> 2, out var added))
            {
                Add(added);
            }
        }
    }

    /// <summary>
    /// The engine's input: participants as dense indices in the order of their ids, whatever order the database gave the
    /// votes in (the groups found depend on the participants' order, so the same votes always give the same groups), and
    /// statements by the index given. Ids are turned into indices by arrays over their range, not a hash lookup a vote.
    /// </summary>
    /// <param name="statementIds">Index → the id of each of the consultation's statements.</param>
    public (long[] ParticipantKeys, VoteList Votes) Unpack(int[] statementIds)
    {
        var statements = new IdIndex(statementIds.DefaultIfEmpty().Min(), statementIds.DefaultIfEmpty().Max(), statementIds.Length);
        for (var s = 0; s < statementIds.Length; s++)
        {
            statements.Set(statementIds[s], s);
        }
        int first = int.MaxValue, last = int.MinValue;
        for (var i = 0; i < Count; i++)
        {
            var id = (int)(_items[i] >> 32);
            first = Math.Min(first, id);
            last = Math.Max(last, id);
        }
        var participants = new IdIndex(first, last, Count);
        var seen = new HashSet<long>();
        for (var i = 0; i < Count; i++)
        {
            var id = (int)(_items[i] >> 32);
            if (participants.Get(id) < 0)
            {
                participants.Set(id, 0);
                seen.Add(id);
            }
        }
        var keys = seen.ToArray();
        Array.Sort(keys);
        for (var p = 0; p < keys.Length; p++)
        {
            participants.Set((int)keys[p], p);
        }
        var votes = new VoteList(Count);
        for (var i = 0; i < Count; i++)
        {
            var packed = _items[i];
            var statement = statements.Get((int)(packed & 0xFFFF_FFFF) >> 2);
            if (statement < 0)
            {
                throw new InvalidOperationException($"A vote is on statement {(int)(packed & 0xFFFF_FFFF) >> 2}, which is not one of the consultation's.");
            }
            votes.Add(participants.Get((int)(packed >> 32)), statement, (int)(packed & 3) - 1);
        }
        return (keys, votes);
    }

    /// <summary>
    /// Id → index (-1 when not set) by an array over the range of ids, where a consultation's participants and statements
    /// mostly are, so a vote costs two array reads rather than two hash lookups; a range too sparse for an array (more than
    /// a few times as wide as the ids in it) uses a dictionary.
    /// </summary>
    private sealed class IdIndex
    {
        private const int SpareFactor = 4;
        private const int SpareIds = 1024;

        private readonly int _first;
        private readonly int[] _window;
        private readonly Dictionary<int, int> _outside = [];

        public IdIndex(int first, int last, int count)
        {
            var width = (long)last - first + 1;
            _first = first;
            _window = width > 0 && width <= (long)count * SpareFactor + SpareIds ? new int[width] : [];
            Array.Fill(_window, -1);
        }

        public int Get(int id)
        {
            var at = (long)id - _first;
            return (ulong)at < (ulong)_window.Length ? _window[at] : _outside.GetValueOrDefault(id, -1);
        }

        public void Set(int id, int index)
        {
            var at = (long)id - _first;
            if ((ulong)at < (ulong)_window.Length)
            {
                _window[at] = index;
            }
            else
            {
                _outside[id] = index;
            }
        }
    }
}
