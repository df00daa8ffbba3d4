namespace ShapeOpenData.Modules.Catalogue;

/// <summary>The names datasets and organisations have in addresses, as CKAN allows them.</summary>
public static class Slugs
{
    public const int MaxLength = 100;

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= MaxLength && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
}
