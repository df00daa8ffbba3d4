using System.Text.RegularExpressions;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Search;

/// <summary>What someone searched for: the words and the filters, as the page's address and the API take them.</summary>
/// <param name="Type">Only items of this type, like <c>request</c>.</param>
/// <param name="OrganisationId">Only items of this organisation.</param>
/// <param name="From">Only items dated on or after this day.</param>
/// <param name="To">Only items dated on or before this day.</param>
public sealed partial record SearchQuery(string Words, string? Type, int? OrganisationId, DateOnly? From, DateOnly? To, int Page, int PageSize)
{
    public const int MaxWords = 10;
    public const int WordsMaxLength = 200;

    /// <summary>
    /// The words searched for: letters and digits only, so nothing typed is read as the full-text engine's own
    /// syntax (quotes, NEAR, minus signs, column filters). Every word must be in the item, stemmed ("publishing"
    /// finds "published").
    /// </summary>
    public IReadOnlyList<string> Terms => [.. Word().Matches(Words).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(MaxWords)];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

/// <summary>One item found, as the results list shows it.</summary>
/// <param name="Snippet">Safe HTML: the item's words around what matched, HTML-encoded, with the matches in <c>&lt;mark&gt;</c>.</param>
public sealed record SearchResult(string Type, int Id, string Title, string Url, string Snippet, int? OrganisationId, DateTime? Date);

/// <summary>A page of results, with how many were found of each type (the filters' counts).</summary>
/// <param name="Total">How many match, up to <see cref="SearchSql.MaxMatches"/>: only that many are counted, ranked and paged through.</param>
/// <param name="CountsByType">How many of each type match, when no more than <see cref="SearchSql.MaxMatches"/> do in all; empty otherwise.</param>
/// <param name="More">More than <paramref name="Total"/> match.</param>
public sealed record SearchResults(IReadOnlyList<SearchResult> Items, int Total, IReadOnlyDictionary<string, int> CountsByType, bool More = false);

/// <summary>Turns the database's marked snippets into safe HTML.</summary>
public static class Snippets
{
    /// <summary>The characters that mark where a match starts and ends; taken out of every item's text before indexing.</summary>
    public const char Start = '\u0002';
    public const char End = '\u0003';

    /// <summary>Everything HTML-encoded first, then the markers made into <c>&lt;mark&gt;</c> pairs, so no text from an item is ever read as HTML.</summary>
    public static string ToHtml(string marked)
    {
        var encoded = System.Net.WebUtility.HtmlEncode(marked.Replace('\n', ' ').Replace('\r', ' '));
        return encoded.Replace(Start.ToString(), "<mark>", StringComparison.Ordinal).Replace(End.ToString(), "</mark>", StringComparison.Ordinal);
    }

    /// <summary>The text without the markers (and other control characters but new lines), as it is indexed.</summary>
    public static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? new string([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t')])
            : text;
}
