using CsvHelper;

namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// Pol.is's open-data export format: a folder with comments.csv, votes.csv and participants-votes.csv (data/polis/README.md).
/// Reads it into plain records, keeping only the latest vote per voter and statement (README convention 2), and writes
/// the same three files from plain records with Pol.is's exact headers.
/// </summary>
public static partial class PolisExport
{
    public const string CommentsFile = "comments.csv";
    public const string VotesFile = "votes.csv";
    public const string ParticipantsVotesFile = "participants-votes.csv";

    /// <summary>The columns before the one-per-statement columns of participants-votes.csv.</summary>
    public static readonly IReadOnlyList<string> ParticipantColumns = ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree"];

    [CsvRecord]
    internal sealed partial record CommentRow(
        [property: CsvColumn("timestamp")] long Timestamp,
        [property: CsvColumn("datetime")] string Datetime,
        [property: CsvColumn("comment-id")] int CommentId,
        [property: CsvColumn("author-id")] int AuthorId,
        [property: CsvColumn("agrees")] int Agrees,
        [property: CsvColumn("disagrees")] int Disagrees,
        [property: CsvColumn("moderated")] int Moderated,
        [property: CsvColumn("comment-body")] string CommentBody);

    [CsvRecord]
    internal sealed partial record VoteRow(
        [property: CsvColumn("timestamp")] long Timestamp,
        [property: CsvColumn("datetime")] string Datetime,
        [property: CsvColumn("comment-id")] int CommentId,
        [property: CsvColumn("voter-id")] int VoterId,
        [property: CsvColumn("vote")] int Vote);

    /// <summary>Reads a Pol.is export folder; participants-votes.csv is optional.</summary>
    public static PolisConversation Read(string directory)
    {
        using var comments = File.OpenRead(Path.Combine(directory, CommentsFile));
        using var votes = File.OpenRead(Path.Combine(directory, VotesFile));
        var participantsPath = Path.Combine(directory, ParticipantsVotesFile);
        IReadOnlyList<PolisParticipant> participants = [];
        if (File.Exists(participantsPath))
        {
            using var stream = File.OpenRead(participantsPath);
            participants = ReadParticipants(stream);
        }
        return new PolisConversation(ReadStatements(comments), LatestVotes(ReadVotes(votes)), participants);
    }

    public static IReadOnlyList<PolisStatement> ReadStatements(Stream comments)
    {
        using var csv = CsvReader.Create(comments, Options, leaveOpen: true);
        return [.. csv.GetRecords<CommentRow>().Select(r =>
            new PolisStatement(r.CommentId, r.AuthorId, r.CommentBody, (PolisModeration)Math.Clamp(r.Moderated, -1, 1), r.Timestamp))];
    }

    /// <summary>Every row of votes.csv, in file order, repeated votes included.</summary>
    public static IReadOnlyList<PolisVote> ReadVotes(Stream votes)
    {
        using var csv = CsvReader.Create(votes, Options, leaveOpen: true);
        return [.. csv.GetRecords<VoteRow>().Select(r => new PolisVote(r.Timestamp, r.CommentId, r.VoterId, r.Vote))];
    }

    public static IReadOnlyList<PolisParticipant> ReadParticipants(Stream participantsVotes)
    {
        using var csv = CsvReader.Create(participantsVotes, Options, leaveOpen: true);
        var participants = new List<PolisParticipant>();
        int[]? statementIds = null;
        while (csv.Read())
        {
            statementIds ??= [.. csv.Headers.Skip(ParticipantColumns.Count).Select(h => int.Parse(h, System.Globalization.CultureInfo.InvariantCulture))];
            var votes = new Dictionary<int, int>();
            for (var i = 0; i < statementIds.Length; i++)
            {
                var field = ParticipantColumns.Count + i;
                if (field < csv.FieldCount && !csv.IsEmpty(field))
                {
                    votes[statementIds[i]] = csv.Parse<int>(field);
                }
            }
            participants.Add(new PolisParticipant(csv.Parse<int>(0), csv.IsEmpty(1) ? null : csv.Parse<int>(1), csv.Parse<int>(2), csv.Parse<int>(3),
                csv.Parse<int>(4), csv.Parse<int>(5), votes));
        }
        return participants;
    }

    /// <summary>
    /// The latest vote per voter and statement (README convention 2): the one with the latest timestamp, and of votes
    /// with the same timestamp the later in the file. Returned oldest first.
    /// </summary>
    public static IReadOnlyList<PolisVote> LatestVotes(IEnumerable<PolisVote> votes)
    {
        var latest = new Dictionary<(int Voter, int Statement), (PolisVote Vote, int Order)>();
        var order = 0;
        foreach (var vote in votes)
        {
            var key = (vote.VoterId, vote.StatementId);
            if (!latest.TryGetValue(key, out var kept) || vote.Timestamp >= kept.Vote.Timestamp)
            {
                latest[key] = (vote, order);
            }
            order++;
        }
        return [.. latest.Values.OrderBy(v => v.Vote.Timestamp).ThenBy(v => v.Order).Select(v => v.Vote)];
    }

    private static readonly CsvReaderOptions Options = new() { Separator = ',' };
}
