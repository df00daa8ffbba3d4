namespace ShapeOpenData.Modules.Follows;

/// <summary>Someone wants to hear about changes to an item: a request, a quality report, a group, a meeting …</summary>
public sealed class Follow
{
    public int Id { get; set; }
    public string TargetType { get; set; } = "";
    public int TargetId { get; set; }
    public int UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
