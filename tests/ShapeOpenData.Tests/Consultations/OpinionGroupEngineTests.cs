using System.Text.Json;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Consultations.OpinionGroups;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>
/// The opinion-group engine on its own, in memory: planted groups are found, and each numbered convention of
/// data/polis/README.md holds — who is grouped, the map as the PCA of the mean-filled matrix scaled by votes cast,
/// moderated-out statements zeroed, k from 2 to 5 by silhouette and adopted only after winning runs in a row,
/// representative and consensus statements by Pol.is's rules, stable group numbers between runs, the same result for the
/// same input.
/// </summary>
public sealed class OpinionGroupEngineTests
{
    [Theory]
    [InlineData(3, 50.0)]
    [InlineData(4, 90.0)]
    public void PlantedGroups_AreFound(int groups, double votesEach)
    {
        var planted = PlantedGroups.Generate(2_000, 100, votesEach, groups, seed: 1);

        var result = OpinionGroupEngine.Compute(planted.ToInput());

        Assert.Equal(groups, result.K);
        var agreement = AdjustedRandIndex.Compute(result.ParticipantGroups, planted.PlantedGroup);
        Assert.True(agreement >= 0.95, $"adjusted Rand index with the planted groups: {agreement:0.000}");
    }

    [Fact]
    public void OnlyParticipantsWithSevenVotes_AreGrouped_CountingVotesOnStatementsModeratedOut()
    {
        var (keys, votes) = Copy(PlantedGroups.Generate(300, 40, 20, 3, seed: 2));
        var six = AddParticipant(ref keys, votes, statements: [0, 1, 2, 3, 4, 5]);
        var sevenWithTwoOut = AddParticipant(ref keys, votes, statements: [0, 1, 2, 3, 4, 38, 39]);

        var result = OpinionGroupEngine.Compute(new OpinionGroupInput(keys, Keys(40), votes, [38, 39]));

        Assert.Null(result.GroupOf(six));
        Assert.NotNull(result.GroupOf(sevenWithTwoOut));
        Assert.Equal(VotesEach(votes, keys.Length).Count(v => v >= 7), result.GroupedCount);
    }

    [Fact]
    public void FewerThanFifteenQualify_TheHeaviestVotersAreAdded()
    {
        // Twenty people on ten statements, person p voting on p % 7 of them: nobody reaches 7 votes.
        var votes = new VoteList();
        for (var p = 0; p < 20; p++)
        {
            for (var s = 0; s < p % 7; s++)
            {
                votes.Add(p, s, (p + s) % 3 - 1);
            }
        }

        var result = OpinionGroupEngine.Compute(new OpinionGroupInput(Keys(20), Keys(10), votes, []));

        var heaviestFirst = Enumerable.Range(0, 20).OrderByDescending(p => p % 7).ThenBy(p => p).ToArray();
        Assert.Equal(heaviestFirst.Take(15).Order(), Enumerable.Range(0, 20).Where(p => result.GroupOf(p) is not null));
    }

    [Fact]
    public void OnceGrouped_StaysGrouped_EvenAfterTakingVotesBack()
    {
        var planted = PlantedGroups.Generate(300, 40, 20, 3, seed: 3);
        var (keys, votes) = Copy(planted);
        var person = AddParticipant(ref keys, votes, statements: [0, 1, 2, 3, 4, 5, 6, 7]);
        var first = OpinionGroupEngine.Compute(new OpinionGroupInput(keys, planted.StatementKeys, votes, []));

        var (_, fewer) = Copy(planted);
        fewer.Add(person, 0, 1);
        fewer.Add(person, 1, 1);
        var second = OpinionGroupEngine.Compute(new OpinionGroupInput(keys, planted.StatementKeys, fewer, [], first.State));

        Assert.NotNull(first.GroupOf(person));
        Assert.NotNull(second.GroupOf(person));
    }

    [Fact]
    public void TheMap_IsThePcaOfTheMeanFilledCentredMatrix_EachPlaceScaledByVotesCast()
    {
        var planted = PlantedGroups.Generate(300, 30, 15, 3, seed: 4);
        int[] moderatedOut = [29];
        var result = OpinionGroupEngine.Compute(planted.ToInput(moderatedOut: moderatedOut));

        // The same, densely: a missing vote filled with the statement's mean, then centred, is 0; a statement moderated out is 0.
        var centred = DenseCentred(planted.Votes, 300, 30, moderatedOut);
        var (u, v) = TopTwoEigenvectors(Covariance(centred));
        foreach (var component in new[] { result.State.FirstComponent, result.State.SecondComponent })
        {
            var inPlane = Math.Sqrt(Math.Pow(Dot(component, u), 2) + Math.Pow(Dot(component, v), 2));
            Assert.True(inPlane > 0.9999, $"the component lies {inPlane:0.000000} in the plane of the top two eigenvectors");
        }
        var votesEach = VotesEach(planted.Votes, 300, excluding: moderatedOut);
        for (var p = 0; p < 300; p++)
        {
            // A statement moderated out is a 0 in everyone's row, so it counts as voted on (README conventions 4 and 5).
            var scale = Math.Sqrt(30.0 / (votesEach[p] + moderatedOut.Length));
            Assert.Equal(Dot(result.State.FirstComponent, centred[p]) * scale, result.Positions[p].X, 4);
            Assert.Equal(Dot(result.State.SecondComponent, centred[p]) * scale, result.Positions[p].Y, 4);
        }
    }

    [Fact]
    public void StatementsModeratedOut_AreNeitherRepresentativeNorConsensus()
    {
        var planted = PlantedGroups.Generate(2_000, 100, 50, 3, seed: 1);
        var before = OpinionGroupEngine.Compute(planted.ToInput());
        var mostRepresentative = before.Groups.Select(g => g.Representative[0].Statement).ToArray();

        var after = OpinionGroupEngine.Compute(planted.ToInput(moderatedOut: mostRepresentative));

        Assert.Equal(3, after.K);
        var shown = after.Groups.SelectMany(g => g.Representative.Select(r => r.Statement))
            .Concat(after.ConsensusAgree.Concat(after.ConsensusDisagree).Select(c => c.Statement));
        Assert.Empty(shown.Intersect(mostRepresentative));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    public void K_IsFromTwoToFive_TheBestBySilhouetteOverTheBaseClusters(int planted)
    {
        var result = OpinionGroupEngine.Compute(PlantedGroups.Generate(1_000, 60, 30, planted, seed: 5).ToInput());

        Assert.InRange(result.K, 2, 5);
        Assert.Equal(Enumerable.Range(2, Math.Min(5, 2 + result.BaseClusterCount / 12) - 1), result.Silhouettes.Keys.Order());
        Assert.Equal(result.Silhouettes.MaxBy(s => s.Value).Key, result.K);
    }

    [Fact]
    public void ANewK_IsAdoptedOnlyOnceItHasWonFourRunsInARow()
    {
        var state = OpinionGroupEngine.Compute(PlantedGroups.Generate(600, 60, 30, 3, seed: 1).ToInput()).State;
        var nowFour = PlantedGroups.Generate(600, 60, 30, 4, seed: 2);

        var ks = new List<int>();
        for (var run = 0; run < 5; run++)
        {
            var result = OpinionGroupEngine.Compute(nowFour.ToInput(state));
            ks.Add(result.K);
            state = result.State;
        }

        Assert.Equal([3, 3, 3, 4, 4], ks);
    }

    [Fact]
    public void RepresentativeStatements_AreThoseAGroupHoldsMuchMoreThanTheOthers_ByPolisRule()
    {
        var planted = PlantedGroups.Generate(2_000, 100, 50, 3, seed: 1);
        var result = OpinionGroupEngine.Compute(planted.ToInput());

        foreach (var group in result.Groups)
        {
            Assert.InRange(group.Representative.Count, 1, 5);
            var members = Enumerable.Range(0, 2_000).Where(p => result.GroupOf(p) == group.Number).ToArray();
            var plantedGroup = members.GroupBy(p => planted.PlantedGroup[p]).MaxBy(g => g.Count())!.Key;
            foreach (var statement in group.Representative)
            {
                var own = group.Votes[statement.Statement];
                var rest = result.Groups.Where(g => g != group).Select(g => g.Votes[statement.Statement]).ToArray();
                var (held, restHeld) = statement.Opinion == Opinion.Agree ? (own.Agree, rest.Sum(t => t.Agree)) : (own.Disagree, rest.Sum(t => t.Disagree));
                var probability = (held + 1.0) / (own.Total + 2.0);
                Assert.Equal(probability, statement.Probability, 9);
                Assert.Equal(probability / ((restHeld + 1.0) / (rest.Sum(t => t.Total) + 2.0)), statement.Ratio, 9);
                Assert.True(statement.ProbabilityZ > 1.2816 && statement.RatioZ > 1.2816, "significant at 90%, both tests");
                Assert.Equal((double)own.Agree / own.Total, statement.AgreeShare, 9);
                // What the group holds is what was planted: it agrees with its own statements.
                Assert.Equal(statement.Opinion == Opinion.Agree, planted.PlantedFor[statement.Statement] == plantedGroup);
            }
        }
    }

    [Fact]
    public void ConsensusStatements_AreThoseEveryGroupAgreesWith()
    {
        var planted = PlantedGroups.Generate(2_000, 100, 50, 3, seed: 1);
        var (keys, votes) = Copy(planted);
        // Statements 100–102: nine in ten of everyone agree, whatever their group.
        var random = new Random(6);
        for (var p = 0; p < keys.Length; p++)
        {
            for (var s = 100; s < 103; s++)
            {
                votes.Add(p, s, random.NextDouble() < 0.9 ? 1 : -1);
            }
        }

        var result = OpinionGroupEngine.Compute(new OpinionGroupInput(keys, Keys(103), votes, []));

        Assert.Equal([100, 101, 102], result.ConsensusAgree.Select(c => c.Statement).Order());
        Assert.Empty(result.ConsensusDisagree);
        Assert.All(result.ConsensusAgree, c => Assert.All(result.Groups, g => Assert.True((g.Votes[c.Statement].Agree + 1.0) / (g.Votes[c.Statement].Total + 2.0) > 0.5)));
    }

    [Fact]
    public void ASecondRun_WithAFewMoreVotes_KeepsItsGroupsAndTheirNumbers()
    {
        var planted = PlantedGroups.Generate(2_000, 100, 50, 3, seed: 1);
        var first = OpinionGroupEngine.Compute(planted.ToInput());
        var (keys, votes) = Copy(planted);
        var voted = Enumerable.Range(0, votes.Count).Select(i => (votes.Participants[i], votes.Statements[i])).ToHashSet();
        var random = new Random(7);
        for (var added = 0; added < 200;)
        {
            var (p, s) = (random.Next(2_000), random.Next(100));
            if (first.GroupOf(p) is not null && voted.Add((p, s)))
            {
                votes.Add(p, s, planted.PlantedFor[s] == planted.PlantedGroup[p] ? 1 : -1);
                added++;
            }
        }

        // The state goes through JSON, as the service stores it between runs.
        var state = JsonSerializer.Deserialize<OpinionGroupState>(JsonSerializer.Serialize(first.State, OpinionGroupComputation.Json), OpinionGroupComputation.Json);
        var second = OpinionGroupEngine.Compute(new OpinionGroupInput(keys, planted.StatementKeys, votes, [], state));

        Assert.Equal((first.K, first.GroupedCount), (second.K, second.GroupedCount));
        // A person whose new votes moved them may change group; a group never changes its number.
        var kept = Enumerable.Range(0, 2_000).Count(p => first.GroupOf(p) == second.GroupOf(p));
        Assert.True(kept >= 1_990, $"{kept} of 2,000 kept their group and its number");
        Assert.Equal(first.Groups.Select(g => g.Number), second.Groups.Select(g => g.Number));
    }

    [Fact]
    public void TheSameInput_GivesTheSameResult()
    {
        var planted = PlantedGroups.Generate(2_000, 100, 50, 4, seed: 8);

        var (one, two) = (OpinionGroupEngine.Compute(planted.ToInput()), OpinionGroupEngine.Compute(planted.ToInput()));

        Assert.Equal(one.ParticipantGroups, two.ParticipantGroups);
        Assert.Equal(one.Positions, two.Positions);
        Assert.Equal(one.Groups.Select(g => g.Representative), two.Groups.Select(g => g.Representative));
        Assert.Equal(JsonSerializer.Serialize(one.State), JsonSerializer.Serialize(two.State));
    }

    [Fact]
    public void TheSameVotes_InAnyOrder_GiveTheSameResult()
    {
        var planted = PlantedGroups.Generate(2_000, 100, 50, 3, seed: 9);
        var shuffled = new VoteList(planted.Votes.Count);
        foreach (var i in Enumerable.Range(0, planted.Votes.Count).OrderBy(i => (i * 7919L) % planted.Votes.Count))
        {
            shuffled.Add(planted.Votes.Participants[i], planted.Votes.Statements[i], planted.Votes.Values[i]);
        }

        var (given, reordered) = (OpinionGroupEngine.Compute(planted.ToInput()),
            OpinionGroupEngine.Compute(new OpinionGroupInput(planted.ParticipantKeys, planted.StatementKeys, shuffled, [])));

        Assert.Equal(given.ParticipantGroups, reordered.ParticipantGroups);
        Assert.Equal(given.Positions, reordered.Positions);
    }

    [Theory]
    [InlineData("15-per-hour-seattle")]
    [InlineData("vtaiwan.uberx")]
    public void APolisExport_ReadsTheLatestVoteOfEach_AgreeAsOne(string conversation)
    {
        var folder = PolisInteropTests.Folder(conversation);
        var export = PolisExport.Read(folder);
        using var votesFile = File.OpenRead(Path.Combine(folder, PolisExport.VotesFile));

        // People changed their minds, and keeping the latest vote gives exactly participants-votes.csv, whose agree counts are the 1s.
        Assert.True(PolisExport.ReadVotes(votesFile).Count > export.Votes.Count, "votes.csv repeats some votes");
        var matrix = export.Participants.SelectMany(p => p.Votes.Select(v => (p.Id, Statement: v.Key, v.Value)));
        Assert.Equal(matrix.Order(), export.Votes.Select(v => (Id: v.VoterId, Statement: v.StatementId, Value: v.Vote)).Order());
        var agrees = export.Votes.Where(v => v.Vote == 1).CountBy(v => v.VoterId).ToDictionary();
        Assert.All(export.Participants, p => Assert.Equal(p.Agrees, agrees.GetValueOrDefault(p.Id)));
    }

    private static long[] Keys(int count) => [.. Enumerable.Range(1, count).Select(i => (long)i)];

    private static (long[] Keys, VoteList Votes) Copy(PlantedGroups.Conversation planted)
    {
        var votes = new VoteList(planted.Votes.Count + 1_024);
        for (var i = 0; i < planted.Votes.Count; i++)
        {
            votes.Add(planted.Votes.Participants[i], planted.Votes.Statements[i], planted.Votes.Values[i]);
        }
        return ([.. planted.ParticipantKeys], votes);
    }

    /// <summary>One more participant, agreeing with the statements given; returns their index.</summary>
    private static int AddParticipant(ref long[] keys, VoteList votes, int[] statements)
    {
        var index = keys.Length;
        keys = [.. keys, keys.Max() + 1];
        foreach (var s in statements)
        {
            votes.Add(index, s, 1);
        }
        return index;
    }

    private static int[] VotesEach(VoteList votes, int participants, int[]? excluding = null)
    {
        var counts = new int[participants];
        for (var i = 0; i < votes.Count; i++)
        {
            counts[votes.Participants[i]] += excluding?.Contains(votes.Statements[i]) == true ? 0 : 1;
        }
        return counts;
    }

    private static double[][] DenseCentred(VoteList votes, int participants, int statements, int[] moderatedOut)
    {
        var (sum, count) = (new double[statements], new int[statements]);
        for (var i = 0; i < votes.Count; i++)
        {
            sum[votes.Statements[i]] += votes.Values[i];
            count[votes.Statements[i]]++;
        }
        var rows = Enumerable.Range(0, participants).Select(_ => new double[statements]).ToArray();
        for (var i = 0; i < votes.Count; i++)
        {
            var s = votes.Statements[i];
            rows[votes.Participants[i]][s] = moderatedOut.Contains(s) ? 0 : votes.Values[i] - sum[s] / count[s];
        }
        return rows;
    }

    private static double[][] Covariance(double[][] rows) =>
        [.. Enumerable.Range(0, rows[0].Length).Select(i => Enumerable.Range(0, rows[0].Length).Select(j => rows.Sum(r => r[i] * r[j])).ToArray())];

    /// <summary>Orthogonal iteration, long enough to converge on a matrix this small.</summary>
    private static (double[] U, double[] V) TopTwoEigenvectors(double[][] matrix)
    {
        var (u, v) = (Enumerable.Range(0, matrix.Length).Select(i => 1.0 + i).ToArray(), Enumerable.Range(0, matrix.Length).Select(i => i % 2 == 0 ? 1.0 : -1.0).ToArray());
        for (var iteration = 0; iteration < 5_000; iteration++)
        {
            u = Normalised([.. matrix.Select(row => Dot(row, u))]);
            v = [.. matrix.Select(row => Dot(row, v))];
            var along = Dot(v, u);
            v = Normalised([.. v.Select((x, i) => x - along * u[i])]);
        }
        return (u, v);
    }

    private static double Dot(float[] a, double[] b) => a.Select((x, i) => x * b[i]).Sum();

    private static double Dot(double[] a, double[] b) => a.Select((x, i) => x * b[i]).Sum();

    private static double[] Normalised(double[] x) => [.. x.Select(v => v / Math.Sqrt(Dot(x, x)))];
}
