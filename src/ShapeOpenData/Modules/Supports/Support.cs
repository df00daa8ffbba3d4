using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Supports;

/// <summary>
/// "I need this too" on a request, "I have this problem too" on a quality report: one per person and item, made
/// unique by the database, whatever kind of item it is.
/// </summary>
public sealed class Support
{
    public const int UseMaxLength = 280;

    public int Id { get; set; }

    /// <summary>The kind of item, like <c>request</c>: the <see cref="ISupportable.Type"/> of its module.</summary>
    public string TargetType { get; set; } = "";
    public int TargetId { get; set; }
    public int UserId { get; set; }

    /// <summary>What they would use it for, in a sentence; public.</summary>
    public string? Use { get; set; }

    /// <summary>The supporter's sector when they supported, for the sector mix.</summary>
    public Sector? Sector { get; set; }
    public DateTime CreatedAt { get; set; }
}
