namespace ShapeOpenData.Modules.Follows;

/// <summary>Someone wants to hear about changes to an item (a request, later a group or a consultation).</summary>
public sealed class Follow
{
    public int Id { get; set; }
    public string TargetType { get; set; } = "";
    public int TargetId { get; set; }
    public int UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
