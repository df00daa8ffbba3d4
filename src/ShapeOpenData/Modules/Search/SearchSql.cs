using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Search;

/// <summary>
/// The search's SQL for each database. Filters are added only when asked for, so each query has a plan of its
/// own; every value but the words is a parameter (the words are letters and digits only, see <see cref="SearchQuery.Terms"/>).
/// The documents and the full-text structures are those of the SearchDocuments and SearchFullText migrations.
/// <para>
/// No query reads more than <see cref="Counted"/> matches: a word in most documents ("data") would otherwise be
/// ranked and counted across hundreds of thousands of rows on every search. Up to 1,000 matches are counted and
/// ranked in full; past that, the page says "more than 1,000" and the 1,000 shown are those with every word in the
/// title first, then the others, newest first (on SQLite the newest of all; on PostgreSQL of the first 1,000 the
/// index gives).
/// </para>
/// </summary>
public abstract class SearchSql
{
    /// <summary>The most matches counted, ranked and paged through.</summary>
    public const int MaxMatches = 1_000;

    /// <summary>One more than the most counted, so that "more than 1,000" can be told from exactly 1,000.</summary>
    public const int Counted = MaxMatches + 1;

    public static SearchSql For(AppDbContext db) => db.Database.IsNpgsql() ? new Postgres() : new Sqlite();

    /// <summary>
    /// Type, count: how many matching items of each type, with the filters (the type's too when asked), up to
    /// <see cref="Counted"/> in all; or, when more than <see cref="MaxMatches"/> match, possibly one row with an empty type.
    /// </summary>
    public abstract string Counts(IReadOnlyList<string> terms, SearchQuery query, bool withType);

    /// <summary>Type, item id, title, url, marked snippet, organisation id, date: the page asked for, best first, when at most <see cref="MaxMatches"/> match.</summary>
    public abstract string Page(IReadOnlyList<string> terms, SearchQuery query);

    /// <summary>The same, when more match: title matches first, newest first, of at most <see cref="MaxMatches"/>.</summary>
    public abstract string PageOfMany(IReadOnlyList<string> terms, SearchQuery query);

    /// <summary>
    /// Id, type and whether every word is in the title, of the first <see cref="Counted"/> matches (with the filters
    /// but the type) in one pass, for a database that cannot give the newest matches cheaply: they are both counted
    /// and, when there are too many, paged through. Null where <see cref="Counts"/> and <see cref="PageOfMany"/> do better.
    /// </summary>
    public virtual string? FirstMatches(IReadOnlyList<string> terms, SearchQuery query) => null;

    /// <summary>The rows of <c>@ids</c>, in no order, as <see cref="Page"/> gives them, then the document's id.</summary>
    public virtual string Rows(IReadOnlyList<string> terms) => throw new NotSupportedException();

    public static IEnumerable<(string Name, object Value)> Parameters(SearchQuery query)
    {
        yield return ("counted", Counted);
        yield return ("most", MaxMatches);
        yield return ("take", query.PageSize);
        yield return ("skip", (query.Page - 1) * query.PageSize);
        yield return ("end", Math.Min(query.Page * query.PageSize, MaxMatches));
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

    /// <summary>The terms as a SQL string literal: they are letters and digits only, and a quote is doubled all the same.</summary>
    protected static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>FTS5 over title and body with the porter stemmer, kept from the documents table by triggers.</summary>
    private sealed class Sqlite : SearchSql
    {
        /// <summary>Every word: FTS5 phrases side by side must all match.</summary>
        private static string Phrases(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => $"\"{t}\""));

        /// <summary>Every word in the title: FTS5's column filter, read from the same index.</summary>
        private static string TitlePhrases(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => $"\"Title\" : \"{t}\""));

        private static string Words(IReadOnlyList<string> terms) => Literal(Phrases(terms));

        private static string TitleWords(IReadOnlyList<string> terms) => Literal(TitlePhrases(terms));

        /// <summary>
        /// Without filters the matches are first counted from the index alone: when there are too many to count by
        /// type (a common word), no document is read and the one row is the count with an empty type.
        /// </summary>
        public override string Counts(IReadOnlyList<string> terms, SearchQuery query, bool withType) => Filters(query, withType) is { Length: > 0 } filters
            ? $"""
                SELECT "Type", count(*) FROM (
                    SELECT d."Type" FROM "SearchText" JOIN "SearchDocuments" d ON d."Id" = "SearchText".rowid
                    WHERE "SearchText" MATCH {Words(terms)}{filters}
                    LIMIT @counted)
                GROUP BY "Type"
                """
            : $"""
                SELECT "Type", count(*) FROM (
                    SELECT CASE WHEN (SELECT count(*) FROM (SELECT 1 FROM "SearchText" WHERE "SearchText" MATCH {Words(terms)} LIMIT @counted)) > @most THEN ''
                                ELSE (SELECT d."Type" FROM "SearchDocuments" d WHERE d."Id" = "SearchText".rowid) END AS "Type"
                    FROM "SearchText" WHERE "SearchText" MATCH {Words(terms)}
                    LIMIT @counted)
                GROUP BY "Type"
                """;

        public override string Page(IReadOnlyList<string> terms, SearchQuery query) => $"""
            SELECT d."Type", d."ItemId", d."Title", d."Url",
                   snippet("SearchText", 1, char(2), char(3), '…', 30), d."OrganisationId", d."Date"
            FROM "SearchText" JOIN "SearchDocuments" d ON d."Id" = "SearchText".rowid
            WHERE "SearchText" MATCH {Words(terms)}{Filters(query, withType: true)}
            ORDER BY bm25("SearchText", 10.0, 1.0), d."Id" DESC
            LIMIT @take OFFSET @skip
            """;

        /// <summary>The other matches: every word somewhere, but not every word in the title.</summary>
        private static string OtherWords(IReadOnlyList<string> terms) => Literal($"({Phrases(terms)}) NOT ({TitlePhrases(terms)})");

        /// <summary>
        /// FTS5 gives matches newest first cheaply (by rowid, descending), and reads the title column filter and NOT from
        /// the index: the title matches and the others are read only as far as the page's end. The page's rows are
        /// then read again for their snippets in one pass over the range they span: looking each up by rowid would load
        /// a common word's whole list of documents once per row.
        /// </summary>
        public override string PageOfMany(IReadOnlyList<string> terms, SearchQuery query)
        {
            var filters = Filters(query, withType: true);
            var documents = filters.Length > 0 ? """ JOIN "SearchDocuments" d ON d."Id" = "SearchText".rowid""" : "";
            return $"""
                WITH "Shown" AS MATERIALIZED (
                    SELECT "Id", "Tier" FROM (
                        SELECT * FROM (
                            SELECT "SearchText".rowid AS "Id", 0 AS "Tier" FROM "SearchText"{documents}
                            WHERE "SearchText" MATCH {TitleWords(terms)}{filters}
                            ORDER BY "SearchText".rowid DESC LIMIT @end)
                        UNION ALL
                        SELECT * FROM (
                            SELECT "SearchText".rowid AS "Id", 1 AS "Tier" FROM "SearchText"{documents}
                            WHERE "SearchText" MATCH {OtherWords(terms)}{filters}
                            ORDER BY "SearchText".rowid DESC LIMIT @end))
                    ORDER BY "Tier", "Id" DESC LIMIT @end - @skip OFFSET @skip)
                SELECT d."Type", d."ItemId", d."Title", d."Url",
                       snippet("SearchText", 1, char(2), char(3), '…', 30), d."OrganisationId", d."Date"
                FROM "SearchText" CROSS JOIN "Shown" s CROSS JOIN "SearchDocuments" d
                WHERE "SearchText" MATCH {Words(terms)}
                  AND "SearchText".rowid >= (SELECT min("Id") FROM "Shown") AND "SearchText".rowid <= (SELECT max("Id") FROM "Shown")
                  AND s."Id" = +"SearchText".rowid AND d."Id" = s."Id"
                ORDER BY s."Tier", s."Id" DESC
                """;
        }
    }

    /// <summary>
    /// A stored tsvector (title weight A, body weight B) with a GIN index; snippets from ts_headline, only for the
    /// page's rows. The query is a literal, not a parameter, so PostgreSQL plans each search for how common its words are.
    /// </summary>
    private sealed class Postgres : SearchSql
    {
        private static string Query(IReadOnlyList<string> terms) => $"plainto_tsquery('english', {Literal(string.Join(' ', terms))})";

        /// <summary>Every word in the title (weight A).</summary>
        private static string TitleQuery(IReadOnlyList<string> terms) =>
            $"to_tsquery('english', {Literal(string.Join(" & ", terms.Select(t => t + ":A")))})";

        public override string Counts(IReadOnlyList<string> terms, SearchQuery query, bool withType) => $"""
            SELECT "Type", count(*)::int FROM (
                SELECT d."Type" FROM "SearchDocuments" d
                WHERE d."Terms" @@ {Query(terms)}{Filters(query, withType)}
                LIMIT @counted) d
            GROUP BY "Type"
            """;

        public override string Page(IReadOnlyList<string> terms, SearchQuery query) => $"""
            SELECT d."Type", d."ItemId", d."Title", d."Url",
                   ts_headline('english', d."Body", {Query(terms)},
                       'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
                   d."OrganisationId", d."Date"
            FROM (
                SELECT d.*, ts_rank_cd(d."Terms", {Query(terms)}) AS rank FROM "SearchDocuments" d
                WHERE d."Terms" @@ {Query(terms)}{Filters(query, withType: true)}
                ORDER BY rank DESC, d."Id" DESC
                LIMIT @take OFFSET @skip) d
            ORDER BY d.rank DESC, d."Id" DESC
            """;

        public override string FirstMatches(IReadOnlyList<string> terms, SearchQuery query) => $"""
            SELECT d."Id", d."Type", d."Terms" @@ {TitleQuery(terms)} FROM "SearchDocuments" d
            WHERE d."Terms" @@ {Query(terms)}{Filters(query, withType: false)}
            LIMIT @counted
            """;

        public override string Rows(IReadOnlyList<string> terms) => $"""
            SELECT d."Type", d."ItemId", d."Title", d."Url",
                   ts_headline('english', d."Body", {Query(terms)},
                       'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
                   d."OrganisationId", d."Date", d."Id"
            FROM "SearchDocuments" d WHERE d."Id" = ANY(@ids)
            """;

        /// <summary>
        /// The index gives the matches in the table's order, not the newest first: the first 1,000 are read (and no
        /// more), and those with every word in the title (weight A, checked on the rows read) are shown first.
        /// </summary>
        public override string PageOfMany(IReadOnlyList<string> terms, SearchQuery query) => $"""
            WITH "Shown" AS (
                SELECT "Id", CASE WHEN "Terms" @@ {TitleQuery(terms)} THEN 0 ELSE 1 END AS "Tier" FROM (
                    SELECT d."Id", d."Terms" FROM "SearchDocuments" d
                    WHERE d."Terms" @@ {Query(terms)}{Filters(query, withType: true)}
                    LIMIT @most) c
                ORDER BY 2, 1 DESC LIMIT @take OFFSET @skip)
            SELECT d."Type", d."ItemId", d."Title", d."Url",
                   ts_headline('english', d."Body", {Query(terms)},
                       'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'),
                   d."OrganisationId", d."Date"
            FROM "Shown" s JOIN "SearchDocuments" d ON d."Id" = s."Id"
            ORDER BY s."Tier", s."Id" DESC
            """;
    }
}
