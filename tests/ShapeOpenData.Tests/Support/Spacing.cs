namespace ShapeOpenData.Tests.Support;

/// <summary>Text as a reader sees it: HTML's line breaks and indentation are one space to the eye.</summary>
public static class Spacing
{
    public static string Squeezed(this string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
