namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// Opinion groups computed the way Pol.is computes them (data/polis/README.md, conventions 1–7): who is grouped, the
/// two-dimensional opinion map from the mean-filled centred sparse vote matrix, base clusters then k = 2 … 5 groups
/// chosen by silhouette, each group's representative statements and the consensus statements. Pure computation: no
/// database, no clock; the same input and seed give the same result. Warm-started from the previous run's state, groups
/// move little between runs and keep their numbers.
/// </summary>
/// <example>
/// <code>
/// var votes = new VoteList();
/// votes.Add(participant: 0, statement: 3, vote: +1);
/// var result = OpinionGroupEngine.Compute(new OpinionGroupInput(participantIds, statementIds, votes, moderatedOut, previousState));
/// store(result.State); // and give it back as Previous next time
/// </code>
/// </example>
public static class OpinionGroupEngine
{
    public static OpinionGroupResult Compute(OpinionGroupInput input, OpinionGroupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= OpinionGroupOptions.Default;
        var previous = input.Previous;
        var participants = input.ParticipantKeys.Length;
        var statements = input.StatementKeys.Length;
        var random = new Random(options.Seed);
        var rows = VoteRows.Build(input.Votes, participants, statements);
        var moderatedOut = new bool[statements];
        foreach (var s in input.ModeratedOut)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)s, (uint)statements, nameof(input.ModeratedOut));
            moderatedOut[s] = true;
        }

        var grouped = GroupedParticipants.Choose(rows, input.ParticipantKeys, previous?.Grouped ?? ParticipantKeySet.Empty, options);
        var centred = OpinionMap.CentredValues(rows, moderatedOut);
        var (warmFirst, warmSecond) = PreviousComponents(previous, input.StatementKeys);
        var (first, second, powerIterations) = OpinionMap.Components(rows, centred, warmFirst, warmSecond, random, options.MaxPowerIterations);
        var positions = OpinionMap.Project(rows, centred, first, second, moderatedOut);

        var members = new int[grouped.Count(g => g)];
        for (int p = 0, m = 0; p < participants; p++)
        {
            if (grouped[p])
            {
                members[m++] = p;
            }
        }
        var points = Array.ConvertAll(members, p => positions[p]);
        var (bases, baseOf) = BaseClusters.Find(points, options.BaseClusters, previous?.BaseCentres ?? [], random);
        var choice = GroupChoice.Choose(points, bases, baseOf, previous, options, random);

        var participantGroups = new int[participants];
        Array.Fill(participantGroups, OpinionGroupResult.NoGroup);
        var groupIndex = new int[participants];
        Array.Fill(groupIndex, -1);
        for (var m = 0; m < members.Length; m++)
        {
            var g = choice.GroupOfMember[m];
            groupIndex[members[m]] = g;
            participantGroups[members[m]] = choice.Numbers[g];
        }
        var tallies = StatementStatistics.Tally(rows, groupIndex, choice.Numbers.Length);
        var groups = Enumerable.Range(0, choice.Numbers.Length)
            .Select(g => new OpinionGroup(choice.Numbers[g], choice.Sizes[g], new MapPosition(choice.Centres[g * 2], choice.Centres[g * 2 + 1]), tallies[g],
                StatementStatistics.Representative(tallies, g, moderatedOut, options.RepresentativePerGroup)))
            .OrderBy(g => g.Number)
            .ToList();
        var (consensusAgree, consensusDisagree) = StatementStatistics.Consensus(tallies, moderatedOut, options.ConsensusStatements);

        var state = new OpinionGroupState
        {
            StatementKeys = input.StatementKeys,
            FirstComponent = Array.ConvertAll(first, v => (float)v),
            SecondComponent = Array.ConvertAll(second, v => (float)v),
            BaseCentres = bases,
            Clusterings = choice.Clusterings,
            Groups = [.. groups.Select(g => new NumberedCentre(g.Number, g.Centre.X, g.Centre.Y))],
            ChosenK = choice.ChosenK,
            LeadingK = choice.LeadingK,
            LeadingRuns = choice.LeadingRuns,
            Grouped = ParticipantKeySet.Of(members.Select(p => input.ParticipantKeys[p])),
        };
        return new OpinionGroupResult(participantGroups, positions, groups, consensusAgree, consensusDisagree, members.Length, state)
        {
            PowerIterations = powerIterations,
            BaseClusterCount = bases.Length / 2,
            Silhouettes = choice.Silhouettes,
        };
    }

    /// <summary>The previous run's components, matched to this run's statements by key (a new statement starts at 0).</summary>
    private static (double[]? First, double[]? Second) PreviousComponents(OpinionGroupState? previous, long[] statementKeys)
    {
        if (previous is null || previous.StatementKeys.Length == 0
            || previous.FirstComponent.Length != previous.StatementKeys.Length || previous.SecondComponent.Length != previous.StatementKeys.Length)
        {
            return (null, null);
        }
        var at = new Dictionary<long, int>(previous.StatementKeys.Length);
        for (var s = 0; s < previous.StatementKeys.Length; s++)
        {
            at.TryAdd(previous.StatementKeys[s], s);
        }
        var first = new double[statementKeys.Length];
        var second = new double[statementKeys.Length];
        for (var s = 0; s < statementKeys.Length; s++)
        {
            if (at.TryGetValue(statementKeys[s], out var old))
            {
                first[s] = previous.FirstComponent[old];
                second[s] = previous.SecondComponent[old];
            }
        }
        return (first, second);
    }
}
