using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Comments;

/// <summary>
/// A passage a comment quotes must be in the item's text as a reader sees it: compared without Markdown marks, case or
/// runs of spaces, so a passage copied from the page is found, and nobody is quoted as saying what they did not.
/// </summary>
public static class Quotes
{
    public static string? Checked(string? quote, string? text)
    {
        if (string.IsNullOrWhiteSpace(quote))
        {
            return null;
        }
        var passage = Plain(quote);
        if (text is null)
        {
            throw new FieldRuleException("Quote", "You cannot quote a passage here");
        }
        if (passage.Length == 0 || !Plain(text).Contains(passage, StringComparison.OrdinalIgnoreCase))
        {
            throw new FieldRuleException("Quote", "The passage you quote must be in the section's text: copy it from the page, or leave it empty");
        }
        return passage;
    }

    private static string Plain(string text) =>
        string.Join(' ', Markdig.Markdown.ToPlainText(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('"', '“', '”', '\'');
}
