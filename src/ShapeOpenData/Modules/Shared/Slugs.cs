namespace ShapeOpenData.Modules.Shared;

/// <summary>The short names things have in addresses (datasets, organisations, groups), as CKAN allows them.</summary>
public static class Slugs
{
    public const int MaxLength = 100;

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= MaxLength && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
}
