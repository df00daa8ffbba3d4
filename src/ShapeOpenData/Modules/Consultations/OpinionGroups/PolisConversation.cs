namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>A conversation as a Pol.is export folder holds it (see <see cref="PolisExport"/>).</summary>
/// <param name="Statements">comments.csv, in file order.</param>
/// <param name="Votes">votes.csv reduced to the latest vote per voter and statement (README convention 2), oldest first.</param>
/// <param name="Participants">participants-votes.csv, if the folder has it (for Pol.is's own <c>group-id</c>); else empty.</param>
public sealed record PolisConversation(IReadOnlyList<PolisStatement> Statements, IReadOnlyList<PolisVote> Votes, IReadOnlyList<PolisParticipant> Participants)
{
    /// <summary>
    /// The engine's input: participants (every voter, by id) and statements (by id) as dense indices in ascending id
    /// order, with their ids as keys; statements moderated out (-1) marked so (README convention 4).
    /// </summary>
    public OpinionGroupInput ToOpinionGroupInput(OpinionGroupState? previous = null)
    {
        var participantIds = Votes.Select(v => v.VoterId).Distinct().Order().ToArray();
        var statementIds = Statements.Select(s => s.Id).Concat(Votes.Select(v => v.StatementId)).Distinct().Order().ToArray();
        var participantIndex = IndexOf(participantIds);
        var statementIndex = IndexOf(statementIds);
        var votes = new VoteList(Votes.Count);
        foreach (var vote in Votes)
        {
            votes.Add(participantIndex[vote.VoterId], statementIndex[vote.StatementId], vote.Vote);
        }
        var moderatedOut = Statements.Where(s => s.Moderated == PolisModeration.Out).Select(s => statementIndex[s.Id]).ToArray();
        return new OpinionGroupInput(Array.ConvertAll(participantIds, id => (long)id), Array.ConvertAll(statementIds, id => (long)id), votes, moderatedOut, previous);
    }

    private static Dictionary<int, int> IndexOf(int[] ids)
    {
        var index = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
        }
        return index;
    }
}

/// <summary>A statement (Pol.is: a comment).</summary>
/// <param name="Timestamp">When it was written, in milliseconds since 1970 (UTC).</param>
public sealed record PolisStatement(int Id, int AuthorId, string Body, PolisModeration Moderated, long Timestamp);

/// <summary>Pol.is's moderation states, with the values its export uses.</summary>
public enum PolisModeration
{
    Out = -1,
    Unreviewed = 0,
    Accepted = 1,
}

/// <summary>A vote: +1 agree, -1 disagree, 0 pass (the export's sign, README convention 1).</summary>
/// <param name="Timestamp">When it was cast, in milliseconds since 1970 (UTC).</param>
public sealed record PolisVote(long Timestamp, int StatementId, int VoterId, int Vote);

/// <summary>A row of participants-votes.csv.</summary>
/// <param name="GroupId">The opinion group Pol.is put them in, if any.</param>
/// <param name="Votes">Statement id → their vote, for the statements they voted on.</param>
public sealed record PolisParticipant(int Id, int? GroupId, int Comments, int VoteCount, int Agrees, int Disagrees, IReadOnlyDictionary<int, int> Votes);
