namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// How each group voted on each statement, and what follows from it (README convention 7): the statements that set a
/// group apart (representative) and those every group shares (consensus). Statements moderated out are counted but are
/// never representative nor consensus.
/// </summary>
internal static class StatementStatistics
{
    /// <summary>One-sided z for 90% confidence, as Pol.is.</summary>
    private const double Z90 = 1.2816;

    /// <summary>group → statement → votes, over the grouped participants (group index per participant, -1 for none).</summary>
    public static StatementTally[][] Tally(VoteRows rows, int[] groupIndex, int k)
    {
        var statements = rows.Statements;
        var partial = new int[Chunks.Count][];
        Chunks.Run(rows.VoteCount, c =>
        {
            var counts = partial[c] = new int[k * statements * 4];
            var codes = rows.Codes;
            for (var p = rows.ChunkBounds[c]; p < rows.ChunkBounds[c + 1]; p++)
            {
                var g = groupIndex[p];
                if (g < 0)
                {
                    continue;
                }
                var offset = g * statements * 4;
                for (int i = rows.RowStart[p], end = rows.RowStart[p + 1]; i < end; i++)
                {
                    counts[offset + codes[i]]++;
                }
            }
        });
        var tallies = new StatementTally[k][];
        for (var g = 0; g < k; g++)
        {
            tallies[g] = new StatementTally[statements];
            for (var s = 0; s < statements; s++)
            {
                int disagree = 0, pass = 0, agree = 0;
                var at = (g * statements + s) * 4;
                foreach (var counts in partial)
                {
                    disagree += counts[at];
                    pass += counts[at + 1];
                    agree += counts[at + 2];
                }
                tallies[g][s] = new StatementTally(agree, disagree, pass);
            }
        }
        return tallies;
    }

    /// <summary>
    /// The statements group g agrees (or disagrees) with much more than the other groups: smoothed probabilities
    /// (n + 1) ÷ (votes + 2) in and out of the group, their ratio, a one-proportion z-test that the group holds the opinion
    /// more often than not and a two-proportion z-test that it holds it more often than the rest, both at 90%; ranked by
    /// ratio × its z × probability × its z; the best few, agreement first.
    /// </summary>
    public static IReadOnlyList<RepresentativeStatement> Representative(StatementTally[][] tallies, int g, bool[] moderatedOut, int count)
    {
        var found = new List<RepresentativeStatement>();
        for (var s = 0; s < moderatedOut.Length; s++)
        {
            if (moderatedOut[s])
            {
                continue;
            }
            var own = tallies[g][s];
            int restAgree = 0, restDisagree = 0, restTotal = 0;
            for (var other = 0; other < tallies.Length; other++)
            {
                if (other != g)
                {
                    restAgree += tallies[other][s].Agree;
                    restDisagree += tallies[other][s].Disagree;
                    restTotal += tallies[other][s].Total;
                }
            }
            var agree = Compare(own.Agree, own.Total, restAgree, restTotal);
            var disagree = Compare(own.Disagree, own.Total, restDisagree, restTotal);
            var agreeStands = agree.RatioZ > Z90 && agree.ProbabilityZ > Z90;
            var disagreeStands = disagree.RatioZ > Z90 && disagree.ProbabilityZ > Z90;
            if (!agreeStands && !disagreeStands)
            {
                continue;
            }
            var (opinion, test) = agreeStands && (!disagreeStands || agree.RatioZ >= disagree.RatioZ) ? (Opinion.Agree, agree) : (Opinion.Disagree, disagree);
            found.Add(new RepresentativeStatement(s, opinion, (double)own.Agree / own.Total, (double)own.Disagree / own.Total,
                test.Probability, test.Ratio, test.ProbabilityZ, test.RatioZ));
        }
        return [.. found.OrderByDescending(r => r.Score).ThenBy(r => r.Statement).Take(count)
            .OrderBy(r => r.Opinion == Opinion.Agree ? 0 : 1)];
    }

    /// <summary>
    /// Statements every group agrees with (or disagrees with): ranked by the product over the groups of each group's
    /// smoothed probability of that opinion, kept only where that probability is over a half in every group.
    /// </summary>
    public static (IReadOnlyList<ConsensusStatement> Agree, IReadOnlyList<ConsensusStatement> Disagree) Consensus(
        StatementTally[][] tallies, bool[] moderatedOut, int count)
    {
        var agree = new List<ConsensusStatement>();
        var disagree = new List<ConsensusStatement>();
        if (tallies.Length == 0)
        {
            return (agree, disagree);
        }
        for (var s = 0; s < moderatedOut.Length; s++)
        {
            if (moderatedOut[s])
            {
                continue;
            }
            double agreeScore = 1, disagreeScore = 1;
            bool everyAgrees = true, everyDisagrees = true;
            int agrees = 0, disagrees = 0, total = 0;
            foreach (var group in tallies)
            {
                var tally = group[s];
                var pa = (tally.Agree + 1.0) / (tally.Total + 2.0);
                var pd = (tally.Disagree + 1.0) / (tally.Total + 2.0);
                agreeScore *= pa;
                disagreeScore *= pd;
                everyAgrees &= pa > 0.5;
                everyDisagrees &= pd > 0.5;
                agrees += tally.Agree;
                disagrees += tally.Disagree;
                total += tally.Total;
            }
            if (everyAgrees)
            {
                agree.Add(new ConsensusStatement(s, Opinion.Agree, agreeScore, (double)agrees / total, (double)disagrees / total));
            }
            if (everyDisagrees)
            {
                disagree.Add(new ConsensusStatement(s, Opinion.Disagree, disagreeScore, (double)agrees / total, (double)disagrees / total));
            }
        }
        return ([.. agree.OrderByDescending(c => c.Score).ThenBy(c => c.Statement).Take(count)],
            [.. disagree.OrderByDescending(c => c.Score).ThenBy(c => c.Statement).Take(count)]);
    }

    private readonly record struct Comparison(double Probability, double Ratio, double ProbabilityZ, double RatioZ);

    private static Comparison Compare(int inGroup, int groupVotes, int outside, int outsideVotes)
    {
        var probability = (inGroup + 1.0) / (groupVotes + 2.0);
        var outsideProbability = (outside + 1.0) / (outsideVotes + 2.0);
        return new Comparison(probability, probability / outsideProbability, ProportionZ(inGroup, groupVotes),
            TwoProportionZ(inGroup, outside, groupVotes, outsideVotes));
    }

    /// <summary>z that a proportion is over a half, each count plus one (so no division by zero), as Pol.is.</summary>
    private static double ProportionZ(int successes, int trials) => 2 * Math.Sqrt(trials + 1.0) * ((successes + 1.0) / (trials + 1.0) - 0.5);

    /// <summary>z that the first proportion is over the second (pooled), each count plus one, as Pol.is.</summary>
    private static double TwoProportionZ(int successesIn, int successesOut, int trialsIn, int trialsOut)
    {
        double s1 = successesIn + 1, s2 = successesOut + 1, n1 = trialsIn + 1, n2 = trialsOut + 1;
        var pooled = (s1 + s2) / (n1 + n2);
        var variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
        return variance <= 0 ? 0 : (s1 / n1 - s2 / n2) / Math.Sqrt(variance);
    }
}
