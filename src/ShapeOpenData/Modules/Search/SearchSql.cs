using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Search;

/// <summary>
/// The search's SQL for each database. Filters are added only when asked for, so each query has a plan of its
/// own; every value is a parameter. The documents and the full-text structures are those of the
/// SearchDocuments and SearchFullText migrations.
/// </summary>
public abstract class SearchSql
{
    public static SearchSql For(AppDbContext db) => db.Database.IsNpgsql() ? new Postgres() : new Sqlite();

    /// <summary>The words as the engine's query: each word must be there, stemmed.</summary>
    public abstract string Match(IReadOnlyList<string> terms);

    /// <summary>Type, count: how many matching items of each type, with the organisation and date filters.</summary>
    public abstract string Counts(SearchQuery query);

    /// <summary>Type, item id, title, url, marked snippet, organisation id, date: the page asked for, best first.</summary>
    public abstract string Page(SearchQuery query);

    public static IEnumerable<(string Name, object Value)> Parameters(string words, SearchQuery query)
    {
        yield return ("words", words);
        yield return ("take", query.PageSize);
        yield return ("skip", (query.Page - 1) * query.PageSize);
        if (query.Type is { } type) yield return ("type", type);
        if (query.OrganisationId is { } organisation) yield return ("organisation", organisation);
        if (query.From is { } from) yield return ("from", from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (query.To is { } to) yield return ("to", to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }

    protected static string Filters(SearchQuery query, bool withType) =>
        (withType && query.Type is not null ? " AND d.\"Type\" = @type" : "")
        + (query.OrganisationId is not null ? " AND d.\"OrganisationId\" = @organisation" : "")
        + (query.From is not null ? " AND d.\"Date\" >= @from" : "")
        + (query.To is not null ? " AND d.\"Date\" < @to" : "");

    /// <summary>FTS5 over title and body with the porter stemmer, kept from the documents table by triggers.</summary>
    private sealed class Sqlite : SearchSql
    {
        public override string Match(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => $"\"{t}\""));

        public override string Counts(SearchQuery query) => $"""
            SELECT d."Type", count(*) FROM "SearchText" JOIN "SearchDocuments" d ON d."Id" = "SearchText".rowid
            WHERE "SearchText" MATCH @words{Filters(query, withType: false)}
            GROUP BY d."Type"
            """;

        public override string Page(SearchQuery query) => $"""
            SELECT d."Type", d."ItemId", d."Title", d."Url",
                   snippet("SearchText", 1, char(2), char(3), '…', 30), d."OrganisationId", d."Date"
            FROM "SearchText" JOIN "SearchDocuments" d ON d."Id" = "SearchText".rowid
            WHERE "SearchText" MATCH @words{Filters(query, withType: true)}
            ORDER BY bm25("SearchText", 10.0, 1.0), d."Id" DESC
            LIMIT @take OFFSET @skip
            """;
    }

    /// <summary>A stored tsvector (title weight A, body weight B) with a GIN index; snippets from ts_headline, only for the page's rows.</summary>
    private sealed class Postgres : SearchSql
    {
        public override string Match(IReadOnlyList<string> terms) => string.Join(' ', terms);

        public override string Counts(SearchQuery query) => $"""
            SELECT d."Type", count(*)::int FROM "SearchDocuments" d
            WHERE d."Terms" @@ plainto_tsquery('english', @words){Filters(query, withType: false)}
            GROUP BY d."Type"
            """;

        public override string Page(SearchQuery query) => $"""
            SELECT d."Type", d."ItemId", d."Title", d."Url",
                   ts_headline('english', d."Body", plainto_tsquery('english', @words),
                       'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
                   d."OrganisationId", d."Date"
            FROM (
                SELECT d.*, ts_rank_cd(d."Terms", plainto_tsquery('english', @words)) AS rank FROM "SearchDocuments" d
                WHERE d."Terms" @@ plainto_tsquery('english', @words){Filters(query, withType: true)}
                ORDER BY rank DESC, d."Id" DESC
                LIMIT @take OFFSET @skip) d
            ORDER BY d.rank DESC, d."Id" DESC
            """;
    }
}
