namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// What one run of the <see cref="OpinionGroupEngine"/> found: each participant's group and place on the map, the groups
/// with their votes and representative statements, the consensus statements, and the state to start the next run from.
/// </summary>
/// <param name="ParticipantGroups">Index → the participant's group number, or <see cref="NoGroup"/> if they are not grouped.</param>
/// <param name="Positions">Index → the participant's place on the two-dimensional opinion map (README convention 5).</param>
/// <param name="Groups">The groups, by number; a group keeps its number from run to run.</param>
/// <param name="ConsensusAgree">Statements every group agrees with, the strongest first.</param>
/// <param name="ConsensusDisagree">Statements every group disagrees with, the strongest first.</param>
/// <param name="GroupedCount">How many participants are grouped (README convention 3).</param>
/// <param name="State">To be stored and given back as <see cref="OpinionGroupInput.Previous"/> next time.</param>
public sealed record OpinionGroupResult(
    int[] ParticipantGroups,
    MapPosition[] Positions,
    IReadOnlyList<OpinionGroup> Groups,
    IReadOnlyList<ConsensusStatement> ConsensusAgree,
    IReadOnlyList<ConsensusStatement> ConsensusDisagree,
    int GroupedCount,
    OpinionGroupState State)
{
    public const int NoGroup = -1;

    /// <summary>The number of groups, k.</summary>
    public int K => Groups.Count;

    public int? GroupOf(int participant) => ParticipantGroups[participant] is var g && g != NoGroup ? g : null;

    /// <summary>How many power iterations the components took (a warm start needs few).</summary>
    public int PowerIterations { get; init; }

    /// <summary>How many base clusters the grouped participants were split into (README convention 6).</summary>
    public int BaseClusterCount { get; init; }

    /// <summary>k → the silhouette of the best clustering into k groups, over the base centres.</summary>
    public IReadOnlyDictionary<int, double> Silhouettes { get; init; } = new Dictionary<int, double>();
}

/// <summary>A participant's (or a group centre's) place on the opinion map.</summary>
public readonly record struct MapPosition(double X, double Y);

/// <summary>One opinion group.</summary>
/// <param name="Number">Its number, kept between runs (0, 1, …; Pol.is's group-id).</param>
/// <param name="Size">Its members.</param>
/// <param name="Centre">The centre of its members on the map.</param>
/// <param name="Votes">Statement index → its members' votes on it.</param>
/// <param name="Representative">The statements that set it apart, the most representative first, agreement before disagreement.</param>
public sealed record OpinionGroup(int Number, int Size, MapPosition Centre, StatementTally[] Votes, IReadOnlyList<RepresentativeStatement> Representative);

/// <summary>How a set of participants voted on one statement.</summary>
public readonly record struct StatementTally(int Agree, int Disagree, int Pass)
{
    public int Total => Agree + Disagree + Pass;
}

/// <summary>Agreement or disagreement.</summary>
public enum Opinion
{
    Agree,
    Disagree,
}

/// <summary>
/// A statement a group agrees (or disagrees) with much more than everyone else (README convention 7).
/// </summary>
/// <param name="Statement">The statement's index.</param>
/// <param name="Opinion">Whether the group stands out by agreeing or by disagreeing.</param>
/// <param name="AgreeShare">The share of the group's votes on it that agree.</param>
/// <param name="DisagreeShare">The share that disagree.</param>
/// <param name="Probability">The smoothed probability (n + 1) ÷ (votes + 2) of that opinion in the group.</param>
/// <param name="Ratio">That probability divided by the same outside the group.</param>
/// <param name="ProbabilityZ">z of the test that the group holds it more often than not.</param>
/// <param name="RatioZ">z of the two-proportion test that the group holds it more often than the others.</param>
public sealed record RepresentativeStatement(
    int Statement, Opinion Opinion, double AgreeShare, double DisagreeShare, double Probability, double Ratio, double ProbabilityZ, double RatioZ)
{
    /// <summary>What they are ranked by: ratio × its z × probability × its z, as Pol.is ranks them.</summary>
    public double Score => Ratio * RatioZ * Probability * ProbabilityZ;
}

/// <summary>A statement every group agrees (or disagrees) with (README convention 7).</summary>
/// <param name="Statement">The statement's index.</param>
/// <param name="Opinion">Agreement or disagreement.</param>
/// <param name="Score">The product over the groups of each group's smoothed probability of that opinion.</param>
/// <param name="AgreeShare">The share of the grouped participants' votes on it that agree.</param>
/// <param name="DisagreeShare">The share that disagree.</param>
public sealed record ConsensusStatement(int Statement, Opinion Opinion, double Score, double AgreeShare, double DisagreeShare);
