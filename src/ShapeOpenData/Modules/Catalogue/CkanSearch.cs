using System.Linq.Expressions;
using System.Text.RegularExpressions;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.DatasetRequests;

namespace ShapeOpenData.Modules.Catalogue;

// ToLower here is the database's lower(), in SQL: culture and comparison overloads do not apply.
#pragma warning disable CA1304, CA1311, CA1862

/// <summary>
/// A <c>package_search</c> as CKAN clients write it, turned into a query on the catalogue. CKAN hands
/// <c>q</c> and <c>fq</c> to Solr; we understand the part clients use: words, quoted phrases, <c>field:value</c>
/// for the fields below, <c>-</c> or <c>NOT</c> to exclude, <c>AND</c> between terms, <c>*:*</c> for everything.
/// Terms are all required (there is no OR). In <c>q</c> an unknown field is read as words, as Solr's edismax
/// does; in <c>fq</c> it is an error, as it is in Solr.
/// </summary>
public sealed partial record CkanSearch(IReadOnlyList<string> Words, IReadOnlyList<Expression<Func<Dataset, bool>>> Conditions, string Sort)
{
    public const string DefaultSort = "score desc, metadata_modified desc";

    /// <exception cref="CkanSearchException">An unknown field in <c>fq</c>, or a sort Solr would refuse.</exception>
    public static CkanSearch Parse(string? q, string? fq, string? sort)
    {
        var words = new List<string>();
        var conditions = new List<Expression<Func<Dataset, bool>>>();
        Read(q ?? "", words, conditions, filter: false);
        Read(fq ?? "", words, conditions, filter: true);
        var search = new CkanSearch(words, conditions, sort ?? DefaultSort);
        search.SortKeys();  // refuse a bad sort now, before any query runs
        return search;
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

        foreach (var (field, descending) in SortKeys())
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
            }
        }
        By(d => d.Id, false);
        return ordered!;
    }

    private IEnumerable<(string Field, bool Descending)> SortKeys()
    {
        foreach (var clause in Sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[1] is not ("asc" or "desc")
                || parts[0] is not ("score" or "metadata_modified" or "metadata_created" or "title_string" or "name"))
            {
                throw new CkanSearchException("Search Query Error", "Search Query is invalid: ('Invalid \"sort\" parameter',)");
            }
            yield return (parts[0], parts[1] == "desc");
        }
    }

    private static void Read(string text, List<string> words, List<Expression<Func<Dataset, bool>>> conditions, bool filter)
    {
        var negateNext = false;
        foreach (Match term in Terms().Matches(text))
        {
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
            if (field.Length > 0 && Condition(field, value) is { } condition)
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
                foreach (var part in plain.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (negated) conditions.Add(d => !d.SearchText.Contains(part));
                    else words.Add(part);
                }
            }
        }
    }

    /// <summary>The fields CKAN indexes that the catalogue holds. Null for a field we do not know.</summary>
    private static Expression<Func<Dataset, bool>>? Condition(string field, string value)
    {
        if (value == "*")
        {
            return _ => true;
        }
        var lower = value.ToLowerInvariant();
        var upper = value.ToUpperInvariant();
        return field switch
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
    }

    private static Expression<Func<Dataset, bool>> Not(Expression<Func<Dataset, bool>> condition) =>
        Expression.Lambda<Func<Dataset, bool>>(Expression.Not(condition.Body), condition.Parameters);

    [GeneratedRegex("""(?<sign>[+-]?)(?:(?<field>[A-Za-z_][A-Za-z0-9_]*):(?:"(?<quoted>[^"]*)"|(?<value>[^\s"]+))|"(?<phrase>[^"]*)"|(?<word>[^\s"]+))""")]
    private static partial Regex Terms();
}
