using System.Globalization;
using CsvHelper;

namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>Writing the three files of a Pol.is export.</summary>
public static partial class PolisExport
{
    /// <summary>
    /// Line feeds, as Pol.is writes them; text that a spreadsheet would run as a formula (=, +, -, @ …) is escaped with a
    /// leading apostrophe, as every CSV this service writes.
    /// </summary>
    private static readonly CsvWriterOptions WriterOptions = new() { Injection = CsvInjection.Escape, NewLine = "\n" };

    /// <summary>Writes comments.csv, votes.csv and participants-votes.csv into <paramref name="directory"/>.</summary>
    /// <param name="votes">The votes to write to votes.csv (every row, or only the latest); the counts and the participants' votes use the latest.</param>
    /// <param name="groups">Participant id → their opinion group, for the group-id column.</param>
    public static async Task WriteAsync(
        string directory, IReadOnlyList<PolisStatement> statements, IReadOnlyList<PolisVote> votes, IReadOnlyDictionary<int, int> groups,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        await using (var comments = File.Create(Path.Combine(directory, CommentsFile)))
        {
            await WriteCommentsAsync(comments, statements, votes, cancellationToken);
        }
        await using (var file = File.Create(Path.Combine(directory, VotesFile)))
        {
            await WriteVotesAsync(file, votes, cancellationToken);
        }
        await using var participants = File.Create(Path.Combine(directory, ParticipantsVotesFile));
        await WriteParticipantsVotesAsync(participants, statements, votes, groups, cancellationToken);
    }

    /// <summary>comments.csv: the statements in the order given, with their agree and disagree counts from the latest votes.</summary>
    public static async Task WriteCommentsAsync(Stream destination, IReadOnlyList<PolisStatement> statements, IReadOnlyList<PolisVote> votes, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<int, (int Agrees, int Disagrees)>();
        foreach (var vote in LatestVotes(votes))
        {
            var (agrees, disagrees) = counts.GetValueOrDefault(vote.StatementId);
            counts[vote.StatementId] = (agrees + (vote.Vote > 0 ? 1 : 0), disagrees + (vote.Vote < 0 ? 1 : 0));
        }
        await using var csv = CsvWriter.Create(destination, WriterOptions, leaveOpen: true);
        await csv.WriteRecordsAsync(statements.Select(s =>
        {
            var (agrees, disagrees) = counts.GetValueOrDefault(s.Id);
            return new CommentRow(s.Timestamp, DateText(s.Timestamp), s.Id, s.AuthorId, agrees, disagrees, (int)s.Moderated, s.Body);
        }), cancellationToken);
    }

    /// <summary>votes.csv: the votes in the order given.</summary>
    public static async Task WriteVotesAsync(Stream destination, IReadOnlyList<PolisVote> votes, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(destination, WriterOptions, leaveOpen: true);
        await csv.WriteRecordsAsync(votes.Select(v => new VoteRow(v.Timestamp, DateText(v.Timestamp), v.StatementId, v.VoterId, v.Vote)), cancellationToken);
    }

    /// <summary>
    /// participants-votes.csv: a row per participant who voted or wrote a statement, by id, with their group, counts
    /// and latest vote on each statement (a column per statement id, ascending; empty where they did not vote).
    /// </summary>
    public static async Task WriteParticipantsVotesAsync(
        Stream destination, IReadOnlyList<PolisStatement> statements, IReadOnlyList<PolisVote> votes, IReadOnlyDictionary<int, int> groups,
        CancellationToken cancellationToken = default)
    {
        var latest = LatestVotes(votes);
        var statementIds = statements.Select(s => s.Id).Concat(latest.Select(v => v.StatementId)).Distinct().Order().ToArray();
        var column = new Dictionary<int, int>(statementIds.Length);
        for (var i = 0; i < statementIds.Length; i++)
        {
            column[statementIds[i]] = i;
        }
        var authored = statements.GroupBy(s => s.AuthorId).ToDictionary(g => g.Key, g => g.Count());
        var byVoter = latest.ToLookup(v => v.VoterId);
        var participants = byVoter.Select(g => g.Key).Concat(authored.Keys).Distinct().Order();

        await using var csv = CsvWriter.Create(destination, WriterOptions, leaveOpen: true);
        foreach (var name in ParticipantColumns)
        {
            csv.WriteField(name);
        }
        foreach (var id in statementIds)
        {
            csv.WriteField(id, default);
        }
        await csv.EndRecordAsync(cancellationToken);
        var row = new int?[statementIds.Length];
        foreach (var participant in participants)
        {
            Array.Clear(row);
            int agrees = 0, disagrees = 0, count = 0;
            foreach (var vote in byVoter[participant])
            {
                row[column[vote.StatementId]] = vote.Vote;
                count++;
                agrees += vote.Vote > 0 ? 1 : 0;
                disagrees += vote.Vote < 0 ? 1 : 0;
            }
            csv.WriteField(participant, default);
            csv.WriteField(groups.TryGetValue(participant, out var group) ? group : (int?)null, default);
            csv.WriteField(authored.GetValueOrDefault(participant), default);
            csv.WriteField(count, default);
            csv.WriteField(agrees, default);
            csv.WriteField(disagrees, default);
            foreach (var vote in row)
            {
                csv.WriteField(vote, default);
            }
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    /// <summary>The datetime column: the timestamp as Pol.is writes dates ("Tue Jun 30 07:49:52 UTC 2015"), here in UTC.</summary>
    private static string DateText(long timestamp) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timestamp).UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
}
