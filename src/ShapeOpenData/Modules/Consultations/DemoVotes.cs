using ShapeOpenData.Modules.Consultations.Statements;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// A demo statement, who submits it, and how each planted opinion group leans on it, one character a group: '+' mostly
/// agrees, '-' mostly disagrees, '~' is split. "+-~" reads: the first group agrees, the second disagrees, the third is split.
/// </summary>
internal sealed record DemoStatement(string Text, string Leanings, string Author);

/// <summary>A demo participant, the group planted in them, and when they came to vote.</summary>
internal sealed record DemoVoter(int ParticipantId, int Group, DateTime ArrivesAt);

/// <summary>
/// Votes for demo participants that form clear opinion groups, the way people vote in real conversations: each votes on
/// a sample of the statements (most on about the typical number, a few on nearly all, some on too few to be grouped),
/// a minute apart from when they arrive, mostly as their group leans, with passes and some who go against it.
/// </summary>
internal static class DemoVotes
{
    /// <summary>How widely the number of votes people cast spreads around the typical number (log-normal).</summary>
    private const double Spread = 0.6;

    public static List<PendingVote> Cast(
        int consultationId, IReadOnlyList<DemoVoter> voters, IReadOnlyList<(int Id, string Leanings)> statements, int typical, Random random)
    {
        var votes = new List<PendingVote>();
        var order = Enumerable.Range(0, statements.Count).ToArray();
        foreach (var voter in voters)
        {
            var count = (int)Math.Clamp(Math.Round(typical * Math.Exp(Spread * Normal(random))), 2, statements.Count);
            random.Shuffle(order);
            for (var i = 0; i < count; i++)
            {
                var (id, leanings) = statements[order[i]];
                votes.Add(new PendingVote(consultationId, id, voter.ParticipantId, Choose(leanings[voter.Group], random), voter.ArrivesAt.AddMinutes(i)));
            }
        }
        return votes;
    }

    private static VoteChoice Choose(char leaning, Random random)
    {
        var (agree, disagree) = leaning switch
        {
            '+' => (0.80, 0.12),
            '-' => (0.12, 0.80),
            _ => (0.45, 0.45),
        };
        var draw = random.NextDouble();
        return draw < agree ? VoteChoice.Agree : draw < agree + disagree ? VoteChoice.Disagree : VoteChoice.Pass;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
