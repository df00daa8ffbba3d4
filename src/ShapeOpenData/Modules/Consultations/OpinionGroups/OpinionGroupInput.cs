namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// What one run of the <see cref="OpinionGroupEngine"/> reads: the conversation's participants and statements (dense
/// indices, with the caller's stable keys so that a later run can find them again whatever their indices then), the
/// latest votes, the statements moderated out, and the previous run's state for a warm start.
/// </summary>
/// <param name="ParticipantKeys">Index → the participant's stable key (their id); its length is the number of participants.</param>
/// <param name="StatementKeys">Index → the statement's stable key; its length is the number of statements, moderated out or not.</param>
/// <param name="Votes">The latest vote per participant and statement.</param>
/// <param name="ModeratedOut">Indices of the statements moderated out: zeroed, but still counted (README convention 4).</param>
/// <param name="Previous">The state the previous run returned, or none for a cold start.</param>
public sealed record OpinionGroupInput(
    long[] ParticipantKeys,
    long[] StatementKeys,
    VoteList Votes,
    IReadOnlyCollection<int> ModeratedOut,
    OpinionGroupState? Previous = null);

/// <summary>The engine's settings; the defaults are Pol.is's (README conventions 3, 6 and 7).</summary>
public sealed record OpinionGroupOptions
{
    public static readonly OpinionGroupOptions Default = new();

    /// <summary>Seeds every random choice: the same input and seed give the same result.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Participants with at least min(this, statements) votes are grouped (convention 3).</summary>
    public int VotesToBeGrouped { get; init; } = 7;

    /// <summary>If fewer qualify, the heaviest voters are added up to this many (convention 3).</summary>
    public int FewestGrouped { get; init; } = 15;

    /// <summary>The most "base" clusters the grouped participants are first split into (convention 6).</summary>
    public int BaseClusters { get; init; } = 100;

    /// <summary>The most opinion groups (convention 6): k runs from 2 to min(this, 2 + bases ÷ 12).</summary>
    public int MaxGroups { get; init; } = 5;

    /// <summary>How many runs in a row a new k must win before it is adopted (convention 6).</summary>
    public int RunsBeforeNewK { get; init; } = 4;

    /// <summary>The most representative statements shown per group (convention 7).</summary>
    public int RepresentativePerGroup { get; init; } = 5;

    /// <summary>The most consensus statements shown, for agreement and for disagreement (convention 7).</summary>
    public int ConsensusStatements { get; init; } = 5;

    /// <summary>The most power iterations for the two components (Pol.is's own limit); they usually converge in far fewer.</summary>
    public int MaxPowerIterations { get; init; } = 100;
}
