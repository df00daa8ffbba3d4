using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// Stable, language-neutral codes for enum values (<c>CivilSociety</c> ↔ <c>civil_society</c>) and the
/// display text people read (from <see cref="DisplayAttribute"/>). Codes are what the database, the API and
/// URLs hold; display text is only ever shown.
/// </summary>
public static class Codes
{
    public static string ToCode<TEnum>(this TEnum value) where TEnum : struct, Enum => Cache<TEnum>.Codes[value];

    public static string ToText<TEnum>(this TEnum value) where TEnum : struct, Enum => Cache<TEnum>.Texts[value];

    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum =>
        Cache<TEnum>.ByCode.TryGetValue(code ?? "", out value);

    public static TEnum Parse<TEnum>(string code) where TEnum : struct, Enum =>
        TryParse<TEnum>(code, out var value) ? value : throw new FormatException($"'{code}' is not a {typeof(TEnum).Name} code.");

    public static IReadOnlyList<TEnum> All<TEnum>() where TEnum : struct, Enum => Cache<TEnum>.Values;

    /// <summary>Every code, for a message that says which are allowed: "open, done, dropped".</summary>
    public static string List<TEnum>() where TEnum : struct, Enum => string.Join(", ", Cache<TEnum>.Values.Select(v => Cache<TEnum>.Codes[v]));

    /// <summary>The code of an enum value whose type is known only at run time (form fields bound to any enum).</summary>
    public static string ToCodeOf(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<TEnum> Values = Enum.GetValues<TEnum>();

        public static readonly FrozenDictionary<TEnum, string> Codes =
            Values.ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByCode =
            Values.ToFrozenDictionary(v => Codes[v], v => v, StringComparer.Ordinal);

        public static readonly FrozenDictionary<TEnum, string> Texts = Values.ToFrozenDictionary(
            v => v,
            v => typeof(TEnum).GetField(v.ToString())!.GetCustomAttribute<DisplayAttribute>()?.Name ?? v.ToString());
    }
}

/// <summary>Stores an enum as its code, so the database reads the same as the API.</summary>
public sealed class CodeConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.ToCode(),
    code => Codes.Parse<TEnum>(code))
    where TEnum : struct, Enum;
