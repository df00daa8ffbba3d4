namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// The votes the engine reads: one per participant and statement — the latest, if they changed their mind
/// (README convention 2; <see cref="PolisExport"/> and the consultation's store keep only that one). Participants and
/// statements are dense indices; a vote is +1 agree, -1 disagree, 0 pass, the export's sign (convention 1). Kept as
/// three parallel arrays so that five million votes take 45 MB and no object each.
/// </summary>
public sealed class VoteList
{
    private int[] _participants;
    private int[] _statements;
    private sbyte[] _values;

    public VoteList(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _participants = new int[capacity];
        _statements = new int[capacity];
        _values = new sbyte[capacity];
    }

    public int Count { get; private set; }

    public ReadOnlySpan<int> Participants => _participants.AsSpan(0, Count);

    public ReadOnlySpan<int> Statements => _statements.AsSpan(0, Count);

    /// <summary>+1 agree, -1 disagree, 0 pass.</summary>
    public ReadOnlySpan<sbyte> Values => _values.AsSpan(0, Count);

    public void Add(int participant, int statement, int vote)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(participant);
        ArgumentOutOfRangeException.ThrowIfNegative(statement);
        if (vote is < -1 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(vote), vote, "A vote is +1 (agree), -1 (disagree) or 0 (pass).");
        }
        if (Count == _participants.Length)
        {
            var capacity = Math.Max(16, Count * 2);
            Array.Resize(ref _participants, capacity);
            Array.Resize(ref _statements, capacity);
            Array.Resize(ref _values, capacity);
        }
        _participants[Count] = participant;
        _statements[Count] = statement;
        _values[Count] = (sbyte)vote;
        Count++;
    }
}
