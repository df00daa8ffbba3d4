namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// A synthetic conversation with opinion groups planted in it, for the benchmark and the tests. Each group sits at its
/// own angle on a circle; each statement is planted for one group, which agrees with it, and everyone else agrees in
/// proportion to the cosine between their group and that group (the opposite group mostly disagrees), so the groups'
/// mean votes lie in a plane that the two components can find. Participation is heavy-tailed, as in real conversations:
/// votes per participant are log-normal (σ = 1) with the given mean, clipped to [1, statements], so most vote a little
/// and a few vote on nearly everything.
/// </summary>
public static class PlantedGroups
{
    /// <summary>The share of votes that are passes, whatever the group.</summary>
    private const double PassShare = 0.05;

    /// <param name="PlantedGroup">Participant index → the group planted.</param>
    /// <param name="PlantedFor">Statement index → the group it is planted for.</param>
    public sealed record Conversation(long[] ParticipantKeys, long[] StatementKeys, VoteList Votes, int[] PlantedGroup, int[] PlantedFor)
    {
        public OpinionGroupInput ToInput(OpinionGroupState? previous = null, IReadOnlyCollection<int>? moderatedOut = null) =>
            new(ParticipantKeys, StatementKeys, Votes, moderatedOut ?? [], previous);
    }

    public static Conversation Generate(int participants, int statements, double votesPerParticipant, int groups, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participants);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(statements);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        var random = new Random(seed);
        var angle = Enumerable.Range(0, groups).Select(g => 2 * Math.PI * g / groups).ToArray();
        var plantedFor = Enumerable.Range(0, statements).Select(s => s % groups).ToArray();
        // How sharply a statement divides: 0.8 to 1 (1: its group always agrees when it does not pass).
        var strength = Enumerable.Range(0, statements).Select(_ => 0.8 + 0.2 * random.NextDouble()).ToArray();
        var plantedGroup = Enumerable.Range(0, participants).Select(_ => random.Next(groups)).ToArray();

        const double sigma = 1.0;
        var mu = Math.Log(votesPerParticipant) - sigma * sigma / 2;
        var votes = new VoteList((int)Math.Min(int.MaxValue / 2, participants * votesPerParticipant * 1.1));
        var order = Enumerable.Range(0, statements).ToArray();
        for (var p = 0; p < participants; p++)
        {
            var count = (int)Math.Clamp(Math.Round(Math.Exp(mu + sigma * Normal(random))), 1, statements);
            for (var i = 0; i < count; i++)
            {
                // A partial Fisher–Yates shuffle: the first count entries are a uniform sample without repeats.
                var j = i + random.Next(statements - i);
                (order[i], order[j]) = (order[j], order[i]);
                var s = order[i];
                var lean = strength[s] * Math.Cos(angle[plantedGroup[p]] - angle[plantedFor[s]]);
                var draw = random.NextDouble();
                var agree = (1 - PassShare) * (1 + lean) / 2;
                votes.Add(p, s, draw < agree ? 1 : draw < 1 - PassShare ? -1 : 0);
            }
        }
        return new Conversation(
            [.. Enumerable.Range(1, participants).Select(i => (long)i)], [.. Enumerable.Range(1, statements).Select(i => (long)i)], votes, plantedGroup, plantedFor);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
