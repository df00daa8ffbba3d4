using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Search;

/// <summary>
/// Runs a search in the database's own full-text index (SQLite FTS5, PostgreSQL tsvector), best match first:
/// bm25 with the title weighing ten times the body on SQLite, ts_rank_cd with the title in weight A on PostgreSQL.
/// Past 1,000 matches nothing more is counted or ranked (see <see cref="SearchSql"/>).
/// The page of results is then checked again with each type's module, so an item hidden since it was indexed
/// is never shown, and addresses are current.
/// </summary>
public sealed class SiteSearch(AppDbContext db, IEnumerable<ISearchSource> sources)
{
    private readonly Dictionary<string, ISearchSource> _sources = sources.ToDictionary(s => s.Type);

    /// <summary>The searchable types, in the order the modules were added.</summary>
    public IEnumerable<string> Types => _sources.Keys;

    public async Task<SearchResults> FindAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var terms = query.Terms;
        if (terms.Count == 0)
        {
            return new([], 0, new Dictionary<string, int>());
        }
        var dialect = SearchSql.For(db);
        if (query.Type is null && dialect.FirstMatches(terms, query) is { } firstMatches)
        {
            var first = new List<(int Id, string Type, bool InTitle)>();
            await ReadAsync(firstMatches, query, reader => first.Add((reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2))), cancellationToken);
            if (first.Count > SearchSql.MaxMatches)
            {
                return new(await StillPublicAsync(await FirstPageAsync(dialect, terms, query, first, cancellationToken), cancellationToken),
                    SearchSql.MaxMatches, new Dictionary<string, int>(), More: true);
            }
            var all = first.CountBy(m => m.Type).ToDictionary();
            return new(await StillPublicAsync(all.Count == 0 ? [] : await PageAsync(dialect.Page(terms, query), query, cancellationToken), cancellationToken),
                first.Count, all);
        }
        var counts = await CountAsync(dialect.Counts(terms, query, withType: false), query, cancellationToken);
        var counted = counts.Values.Sum();
        if (query.Type is { } type && counted > SearchSql.MaxMatches)
        {
            // The first matches counted may hold few of this type: count them on their own.
            counted = (await CountAsync(dialect.Counts(terms, query, withType: true), query, cancellationToken)).GetValueOrDefault(type);
        }
        else if (query.Type is { } only)
        {
            counted = counts.GetValueOrDefault(only);
        }
        var many = counted > SearchSql.MaxMatches;
        var found = counted > 0 && (query.Page - 1) * query.PageSize < SearchSql.MaxMatches
            ? await PageAsync(many ? dialect.PageOfMany(terms, query) : dialect.Page(terms, query), query, cancellationToken)
            : [];
        // Counts by type are exact only when every match was counted.
        return new(await StillPublicAsync(found, cancellationToken), Math.Min(counted, SearchSql.MaxMatches),
            counts.Values.Sum() > SearchSql.MaxMatches ? new Dictionary<string, int>() : counts, many);
    }

    private async Task<List<SearchResult>> PageAsync(string sql, SearchQuery query, CancellationToken cancellationToken)
    {
        var found = new List<SearchResult>();
        await ReadAsync(sql, query, reader => found.Add(ResultFrom(reader)), cancellationToken);
        return found;
    }

    /// <summary>The page of the first 1,000 matches, those with every word in the title first, then the newest.</summary>
    private async Task<List<SearchResult>> FirstPageAsync(
        SearchSql dialect, IReadOnlyList<string> terms, SearchQuery query, List<(int Id, string Type, bool InTitle)> first, CancellationToken cancellationToken)
    {
        var shown = first.Take(SearchSql.MaxMatches).OrderBy(m => m.InTitle ? 0 : 1).ThenByDescending(m => m.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(m => m.Id).ToArray();
        if (shown.Length == 0)
        {
            return [];
        }
        var rows = new Dictionary<int, SearchResult>();
        await ReadAsync(dialect.Rows(terms), query, reader => rows[reader.GetInt32(7)] = ResultFrom(reader), cancellationToken, shown);
        return [.. shown.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    private static SearchResult ResultFrom(DbDataReader reader) => new(
        reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), Snippets.ToHtml(reader.GetString(4)),
        reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc));

    private async Task<Dictionary<string, int>> CountAsync(string sql, SearchQuery query, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        await ReadAsync(sql, query, reader => counts[reader.GetString(0)] = reader.GetInt32(1), cancellationToken);
        return counts;
    }

    /// <summary>Only the results their modules still show to anyone, with their current title and address.</summary>
    private async Task<List<SearchResult>> StillPublicAsync(List<SearchResult> found, CancellationToken cancellationToken)
    {
        var current = new Dictionary<ItemRef, SearchText>();
        foreach (var kind in found.GroupBy(r => r.Type))
        {
            if (_sources.TryGetValue(kind.Key, out var source))
            {
                foreach (var text in await source.PublicAsync(db, [.. kind.Select(r => r.Id)], cancellationToken))
                {
                    current[new(kind.Key, text.Id)] = text;
                }
            }
        }
        return [.. found.Where(r => current.ContainsKey(new(r.Type, r.Id)))
            .Select(r => current[new(r.Type, r.Id)] is var now ? r with { Title = now.Title, Url = now.Url } : r)];
    }

    private async Task ReadAsync(string sql, SearchQuery query, Action<DbDataReader> read, CancellationToken cancellationToken, object? ids = null)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in SearchSql.Parameters(query).Append((Name: "ids", Value: ids ?? DBNull.Value)).Where(p => sql.Contains('@' + p.Name, StringComparison.Ordinal)))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
