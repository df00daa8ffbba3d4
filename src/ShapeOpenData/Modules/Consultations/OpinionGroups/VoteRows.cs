namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// The votes as a compressed sparse row matrix: participant p's votes are <see cref="Codes"/>[RowStart[p] ..
/// RowStart[p + 1]), each the statement and the vote in one int (statement × 4 + vote + 1), so a vote costs four bytes
/// and no dense participants × statements matrix is ever built (README convention 5).
/// </summary>
internal sealed class VoteRows
{
    private VoteRows(int participants, int statements, int[] rowStart, int[] codes)
    {
        Participants = participants;
        Statements = statements;
        RowStart = rowStart;
        Codes = codes;
        ChunkBounds = Chunks.ByWeight(rowStart);
    }

    public int Participants { get; }

    public int Statements { get; }

    public int[] RowStart { get; }

    public int[] Codes { get; }

    /// <summary>Participants split into chunks of about the same number of votes.</summary>
    public int[] ChunkBounds { get; }

    public int VoteCount => Codes.Length;

    public static int StatementOf(int code) => code >> 2;

    /// <summary>+1 agree, -1 disagree, 0 pass.</summary>
    public static int VoteOf(int code) => (code & 3) - 1;

    public int VotesOf(int participant) => RowStart[participant + 1] - RowStart[participant];

    /// <summary>
    /// Each participant's votes in the order of their statements, whatever order they were given in: sums over a row then
    /// come out the same to the last bit, so the same votes always give the same result. Rows are short (tens of votes),
    /// so sorting each, in parallel, costs a fraction of what reordering all the votes by statement first did.
    /// </summary>
    public static VoteRows Build(VoteList votes, int participants, int statements)
    {
        var who = votes.Participants;
        var what = votes.Statements;
        var how = votes.Values;
        var rowStart = new int[participants + 1];
        for (var i = 0; i < who.Length; i++)
        {
            if ((uint)who[i] >= (uint)participants || (uint)what[i] >= (uint)statements)
            {
                throw new ArgumentException($"Vote {i} is by participant {who[i]} on statement {what[i]}, outside the {participants} participants and {statements} statements.", nameof(votes));
            }
            rowStart[who[i] + 1]++;
        }
        for (var p = 0; p < participants; p++)
        {
            rowStart[p + 1] += rowStart[p];
        }
        var cursor = rowStart.AsSpan(0, participants).ToArray();
        var codes = new int[who.Length];
        for (var i = 0; i < who.Length; i++)
        {
            codes[cursor[who[i]]++] = what[i] * 4 + how[i] + 1;
        }
        var rows = new VoteRows(participants, statements, rowStart, codes);
        // A code is the statement × 4 + the vote: sorting codes sorts by statement.
        Chunks.Run(codes.Length, c =>
        {
            for (var p = rows.ChunkBounds[c]; p < rows.ChunkBounds[c + 1]; p++)
            {
                codes.AsSpan(rowStart[p], rowStart[p + 1] - rowStart[p]).Sort();
            }
        });
        return rows;
    }
}
