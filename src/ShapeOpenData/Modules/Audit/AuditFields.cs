using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ShapeOpenData.Modules.Audit;

/// <summary>One field of an entry's snapshots: its value before and after the change, as text (null when it had none).</summary>
public sealed record AuditField(string Name, string? Before, string? After)
{
    public bool IsChanged => Before != After;
}

/// <summary>An entry's before and after snapshots, field by field, for people to read.</summary>
public static partial class AuditFields
{
    // Shown through Razor, which encodes it: the JSON need not escape quotes, apostrophes or accents for HTML itself.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every field either snapshot has, in the order the snapshots list them.</summary>
    public static IReadOnlyList<AuditField> Of(AuditEntry entry)
    {
        var before = Properties(entry.Before);
        var after = Properties(entry.After);
        return [.. after.Keys.Concat(before.Keys).Distinct()
            .Select(name => new AuditField(Label(name), before.GetValueOrDefault(name), after.GetValueOrDefault(name)))];
    }

    /// <summary>A code as a heading: <c>quality_report</c> as "Quality report", <c>api_token</c> as "API token".</summary>
    public static string Label(string code)
    {
        var words = WordBreak().Replace(code.Replace('_', ' '), " ").ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word == "api" ? "API" : word);
        var text = string.Join(' ', words);
        return text.Length == 0 ? code : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static Dictionary<string, string?> Properties(string? snapshot)
    {
        if (snapshot is null)
        {
            return [];
        }
        using var json = JsonDocument.Parse(snapshot);
        return json.RootElement.ValueKind == JsonValueKind.Object
            ? json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value))
            : new() { ["value"] = Text(json.RootElement) };
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => JsonSerializer.Serialize(value, Readable),
    };

    /// <summary>Where camelCase starts a word.</summary>
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBreak();
}
