using System.Text.Json;

namespace ShapeOpenData.Tests.Support;

/// <summary>Reads an audit entry's before or after snapshot, as a reviewer would.</summary>
public static class AuditSnapshots
{
    /// <summary>The snapshot as JSON; a missing snapshot reads as JSON null.</summary>
    public static JsonElement Json(this string? snapshot) => JsonDocument.Parse(snapshot ?? "null").RootElement.Clone();

    /// <summary>One field of the snapshot, as text.</summary>
    public static string? Field(this string? snapshot, string name) =>
        snapshot.Json().GetProperty(name) is { ValueKind: not JsonValueKind.Null } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
