using System.Text.Json;

namespace ShapeOpenData.Modules.Audit;

/// <summary>
/// One change to one item: who, what, when, and the item before and after. Append-only: the context
/// refuses to change or delete an entry, and so does the database (a trigger in the migration).
/// </summary>
public sealed class AuditEntry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>Null for the service itself (scheduled work, imports).</summary>
    public int? ActorId { get; set; }
    public string EntityType { get; set; } = "";
    /// <summary>The item's number; 0 for items keyed otherwise (a legal regime's code, the calendar), which their snapshots name.</summary>
    public int EntityId { get; set; }
    public string Action { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }

    public static AuditEntry Of<TSnapshot>(string entityType, int entityId, string action, int? actorId, DateTime at, TSnapshot? before, TSnapshot? after) =>
        new()
        {
            EntityType = entityType, EntityId = entityId, Action = action, ActorId = actorId, At = at,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
}
