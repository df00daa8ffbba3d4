namespace ShapeOpenData.Modules.Shared;

/// <summary>A choice in radios, checkboxes or a select.</summary>
public sealed record GovukOption(string Value, string Text, string? Hint = null)
{
    public static IReadOnlyList<GovukOption> FromEnum<TEnum>() where TEnum : struct, Enum =>
        [.. Infrastructure.Codes.All<TEnum>().Select(v => new GovukOption(Infrastructure.Codes.ToCode(v), Infrastructure.Codes.ToText(v)))];
}
