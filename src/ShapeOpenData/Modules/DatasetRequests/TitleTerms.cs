using System.Collections.Frozen;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// The words of a title that say what it is about: lower case, without common words, plurals folded, so
/// "Bus timetables for Leeds" and "Leeds bus timetable" share bus, timetable and leeds.
/// </summary>
public static class TitleTerms
{
    private static readonly FrozenSet<string> Ignored = FrozenSet.ToFrozenSet(
    [
        "a", "an", "and", "any", "are", "as", "at", "be", "by", "data", "dataset", "datasets", "for", "from", "how", "in", "into", "is", "it",
        "list", "many", "number", "numbers", "of", "on", "or", "please", "per", "the", "their", "this", "to", "uk", "what", "when", "where",
        "which", "who", "with", "all", "each", "every", "about", "information", "info", "open", "publish", "published", "request",
    ], StringComparer.Ordinal);

    public static IReadOnlyList<string> Of(string title)
    {
        var words = new List<string>();
        foreach (var token in title.ToLowerInvariant().Split(static c => !char.IsLetterOrDigit(c)))
        {
            if (token.Length < 2 || Ignored.Contains(token))
            {
                continue;
            }
            var term = Fold(token);
            if (term.Length > 40) term = term[..40];
            if (!words.Contains(term)) words.Add(term);
        }
        return words;
    }

    private static string Fold(string word) => word switch
    {
        _ when word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        _ when word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    private static string[] Split(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || separator(text[i]))
            {
                if (i > start) parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        return [.. parts];
    }
}
