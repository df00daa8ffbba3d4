using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Catalogue;

// ToLower here is the database's lower(), in SQL: culture and comparison overloads do not apply.
#pragma warning disable CA1304, CA1311, CA1862

/// <summary>
/// A <c>package_search</c> as CKAN clients write it, turned into a query on the catalogue. CKAN hands
/// <c>q</c> and <c>fq</c> to Solr; we understand the part clients use: words, quoted phrases, <c>field:value</c>
/// for the fields below, <c>-</c> or <c>NOT</c> to exclude, <c>AND</c> between terms, <c>*:*</c> for everything,
/// and the date ranges and <c>id</c> sort that CKAN's own harvester sends
/// (<c>fq=metadata_modified:[2026-01-01T00:00:00Z TO *]&amp;sort=id asc</c>). Terms are all required (there is
/// no OR). In <c>q</c> an unknown field is read as words, as Solr's edismax does; in <c>fq</c> it is an error,
/// as it is in Solr.
/// </summary>
/// <param name="Sort">As asked for, which CKAN echoes in its answer.</param>
/// <param name="Order">The same, read: each field and whether it is descending.</param>
public sealed partial record CkanSearch(
    IReadOnlyList<string> Words, IReadOnlyList<Expression<Func<Dataset, bool>>> Conditions, string Sort, IReadOnlyList<(string Field, bool Descending)> Order)
{
    public const string DefaultSort = "score desc, metadata_modified desc";

    /// <summary>
    /// The most terms a search may have, in <c>q</c> and <c>fq</c> together: words, excluded words, field conditions and
    /// ranges. Each is one more condition the database tests on every dataset, and anyone may search hundreds of
    /// times a minute; a real search has a handful (CKAN's own harvester sends one).
    /// </summary>
    public const int MaxTerms = 20;

    /// <summary>There are six fields to sort by: more keys than that only repeat one.</summary>
    private const int MaxSortKeys = 6;

    /// <exception cref="CkanSearchException">An unknown field in <c>fq</c>, a range it cannot read, or a sort Solr would refuse.</exception>
    /// <exception cref="CkanValidationException">More than <see cref="MaxTerms"/> terms (400).</exception>
    public static CkanSearch Parse(string? q, string? fq, string? sort)
    {
        var words = new List<string>();
        var conditions = new List<Expression<Func<Dataset, bool>>>();
        Read("q", q ?? "", words, conditions);
        Read("fq", fq ?? "", words, conditions);
        sort ??= DefaultSort;
        return new CkanSearch(words, conditions, sort, SortKeys(sort));
    }

    /// <summary>The matching datasets, in the order asked for. Withdrawn datasets are never found, like CKAN's deleted ones.</summary>
    public IQueryable<Dataset> Apply(DatasetQueries queries)
    {
        var datasets = queries.Filter(new DatasetFilter(Query: string.Join(' ', Words)));
        datasets = Conditions.Aggregate(datasets, (current, condition) => current.Where(condition));
        IOrderedQueryable<Dataset>? ordered = null;
        void By<TKey>(Expression<Func<Dataset, TKey>> key, bool descending) => ordered = ordered is null
            ? descending ? datasets.OrderByDescending(key) : datasets.OrderBy(key)
            : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);

        foreach (var (field, descending) in Order)
        {
            switch (field)
            {
                // No relevance score here: datasets with the words in their title come first, the first word counting most.
                case "score":
                    foreach (var word in Words.Take(5))
                    {
                        By(d => d.Title.ToLower().Contains(word), descending);
                    }
                    break;
                case "metadata_modified": By(d => d.ModifiedAt ?? d.ImportedAt, descending); break;
                case "metadata_created": By(d => d.IssuedAt ?? d.ImportedAt, descending); break;
                case "title_string": By(d => d.Title.ToLower(), descending); break;
                case "name": By(d => d.Slug, descending); break;
                // A stable order to page by, which is all the harvester wants of it.
                case "id": By(d => d.SourceId, descending); break;
            }
        }
        By(d => d.Id, false);
        return ordered!;
    }

    private static void CheckSize(string parameter, List<string> words, List<Expression<Func<Dataset, bool>>> conditions)
    {
        if (words.Count + conditions.Count > MaxTerms)
        {
            throw CkanValidationException.TooBig(parameter,
                $"Too many search terms: use at most {MaxTerms} words, excluded words and field conditions in q and fq together");
        }
    }

    private static List<(string Field, bool Descending)> SortKeys(string sort)
    {
        var keys = new List<(string, bool)>();
        var clauses = sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (clauses.Length > MaxSortKeys)
        {
            throw new CkanSearchException("Search Query Error", "Search Query is invalid: ('Invalid \"sort\" parameter',)");
        }
        foreach (var clause in clauses)
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[1] is not ("asc" or "desc")
                || parts[0] is not ("score" or "metadata_modified" or "metadata_created" or "title_string" or "name" or "id"))
            {
                throw new CkanSearchException("Search Query Error", "Search Query is invalid: ('Invalid \"sort\" parameter',)");
            }
            keys.Add((parts[0], parts[1] == "desc"));
        }
        return keys;
    }

    /// <summary>Reads <c>q</c> or <c>fq</c>, refusing it as soon as the search has too many terms, before any more are read.</summary>
    private static void Read(string parameter, string text, List<string> words, List<Expression<Func<Dataset, bool>>> conditions)
    {
        var filter = parameter == "fq";
        var negateNext = false;
        foreach (Match term in Terms().Matches(text))
        {
            CheckSize(parameter, words, conditions);
            var word = term.Groups["word"].Value;
            if (word is "AND" or "&&" or "OR" or "||" or "*:*" or "*")
            {
                continue;
            }
            if (word == "NOT")
            {
                negateNext = true;
                continue;
            }
            var negated = negateNext || term.Groups["sign"].Value == "-";
            negateNext = false;
            var field = term.Groups["field"].Value;
            var value = term.Groups["quoted"].Success ? term.Groups["quoted"].Value : term.Groups["value"].Value;
            var phrase = term.Groups["phrase"].Success ? term.Groups["phrase"].Value : word;
            if (term.Groups["from"].Success)
            {
                var range = Range(field, term.Groups["from"].Value, term.Groups["to"].Value);
                conditions.Add(negated ? Not(range) : range);
            }
            else if (field.Length > 0 && Condition(field, value) is { } condition)
            {
                conditions.Add(negated ? Not(condition) : condition);
            }
            else if (field.Length > 0 && filter)
            {
                throw new CkanSearchException("Search Error", $"Search error: ('Unknown field \"{field}\" in fq',)");
            }
            else
            {
                var plain = field.Length > 0 ? value : phrase;
                foreach (var part in plain.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Any(char.IsLetterOrDigit)))
                {
                    CheckSize(parameter, words, conditions);
                    if (negated) conditions.Add(d => !d.SearchText.Contains(part));
                    else words.Add(part);
                }
            }
        }
        CheckSize(parameter, words, conditions);
    }

    /// <summary>The fields CKAN indexes that the catalogue holds. Null for a field we do not know.</summary>
    private static Expression<Func<Dataset, bool>>? Condition(string field, string value)
    {
        var lower = value.ToLowerInvariant();
        var upper = value.ToUpperInvariant();
        Expression<Func<Dataset, bool>>? condition = field switch
        {
            "organization" or "owner_org" => d => d.Organisation!.Slug == value,
            "res_format" => d => d.Distributions.Any(x => x.Format == upper),
            "tags" => d => ("," + d.Keywords.Replace(", ", ",").ToLower() + ",").Contains("," + lower + ","),
            "groups" => Codes.TryParse<Theme>(value.Replace('-', '_'), out var theme) ? d => d.Themes.Any(t => t.Theme == theme) : _ => false,
            "name" => d => d.Slug == value,
            "id" => d => d.Slug == value || d.SourceId == value,
            "title" => d => d.Title.ToLower().Contains(lower),
            "text" => d => d.SearchText.Contains(lower),
            "license_id" => d => d.LicenceId == value,
            // Every dataset here is a public, active dataset.
            "dataset_type" or "type" => value == "dataset" ? _ => true : _ => false,
            "state" => value == "active" ? _ => true : _ => false,
            "capacity" => value == "public" ? _ => true : _ => false,
            _ => null,
        };
        return condition is not null && value == "*" ? _ => true : condition;
    }

    /// <summary>A Solr range, <c>[from TO to]</c> with <c>*</c> for an open end, on one of the two dates CKAN indexes.</summary>
    private static Expression<Func<Dataset, bool>> Range(string field, string from, string to)
    {
        var (after, before) = (Date(from), Date(to));
        return field switch
        {
            "metadata_modified" => d => (after == null || (d.ModifiedAt ?? d.ImportedAt) >= after) && (before == null || (d.ModifiedAt ?? d.ImportedAt) <= before),
            "metadata_created" => d => (after == null || (d.IssuedAt ?? d.ImportedAt) >= after) && (before == null || (d.IssuedAt ?? d.ImportedAt) <= before),
            _ => throw new CkanSearchException("Search Query Error", $"Search Query is invalid: ('Cannot search a range of \"{field}\"',)"),
        };
    }

    /// <summary>A Solr date, which is UTC (<c>2026-01-01T00:00:00Z</c>); null for <c>*</c>. Solr's date maths (<c>NOW-1DAY</c>) is not understood.</summary>
    private static DateTime? Date(string text) =>
        text == "*" ? null
        : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ? date
        : throw new CkanSearchException("Search Query Error", $"Search Query is invalid: ('Invalid date \"{text}\"',)");

    private static Expression<Func<Dataset, bool>> Not(Expression<Func<Dataset, bool>> condition) =>
        Expression.Lambda<Func<Dataset, bool>>(Expression.Not(condition.Body), condition.Parameters);

    [GeneratedRegex("""(?<sign>[+-]?)(?:(?<field>[A-Za-z_][A-Za-z0-9_]*):(?:"(?<quoted>[^"]*)"|\[(?<from>\S+)\s+TO\s+(?<to>[^\]\s]+)\]|(?<value>[^\s"]+))|"(?<phrase>[^"]*)"|(?<word>[^\s"]+))""")]
    private static partial Regex Terms();
}
