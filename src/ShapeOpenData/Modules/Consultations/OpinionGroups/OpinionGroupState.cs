using System.Text.Json.Serialization;

namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// What a run leaves for the next one, so that groups move little and keep their numbers as votes arrive (README
/// conventions 3 and 6): the two components, the base and group centres, the k that is leading and for how many runs,
/// and who is grouped (once grouped, always grouped). Serialisable with System.Text.Json and small enough for one
/// database row: nothing here grows with the participants except <see cref="Grouped"/>, which is packed.
/// </summary>
public sealed record OpinionGroupState
{
    public int Version { get; init; } = 1;

    /// <summary>The statements the components are given for, by key, so that statements may be added or reordered.</summary>
    public long[] StatementKeys { get; init; } = [];

    /// <summary>The first principal component, one loading per statement of <see cref="StatementKeys"/>.</summary>
    public float[] FirstComponent { get; init; } = [];

    /// <summary>The second principal component.</summary>
    public float[] SecondComponent { get; init; } = [];

    /// <summary>The base clusters' centres, x and y in turn.</summary>
    public double[] BaseCentres { get; init; } = [];

    /// <summary>The group centres found for each k tried, each the warm start for that k next time.</summary>
    public IReadOnlyList<GroupClustering> Clusterings { get; init; } = [];

    /// <summary>The groups adopted, with their numbers: the next run's groups take the number of the nearest of these.</summary>
    public IReadOnlyList<NumberedCentre> Groups { get; init; } = [];

    /// <summary>The k adopted.</summary>
    public int ChosenK { get; init; }

    /// <summary>The k that won the last run by silhouette.</summary>
    public int LeadingK { get; init; }

    /// <summary>How many runs in a row <see cref="LeadingK"/> has won; it is adopted once this reaches the options' RunsBeforeNewK.</summary>
    public int LeadingRuns { get; init; }

    /// <summary>The participants grouped so far, by key.</summary>
    public ParticipantKeySet Grouped { get; init; } = ParticipantKeySet.Empty;
}

/// <summary>The group centres of one k, x and y in turn.</summary>
public sealed record GroupClustering(int K, double[] Centres);

/// <summary>A group's number and centre.</summary>
public sealed record NumberedCentre(int Number, double X, double Y);
