namespace ShapeOpenData.Modules.Follows;

/// <summary>Someone wants to hear about changes to an item: a request, a quality report, a group, a meeting …</summary>
public sealed class Follow
{
    public int Id { get; private set; }
    public string TargetType { get; init; } = "";
    public int TargetId { get; init; }
    public int UserId { get; init; }

    /// <summary>
    /// They asked for it or take part in it (their request, a support, their report, a place at a meeting), rather than
    /// only follow it: by default they hear about it straight away, not in a digest.
    /// </summary>
    public bool Asked { get; set; }
    public DateTime CreatedAt { get; init; }
}
