namespace ShapeOpenData.Modules.Follows;

/// <summary>Someone wants to hear about changes to an item: a request, a quality report, a group, a meeting …</summary>
public sealed class Follow
{
    public int Id { get; private set; }
    public string TargetType { get; init; } = "";
    public int TargetId { get; init; }
    public int UserId { get; init; }
    public DateTime CreatedAt { get; init; }
}
