using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Search;

/// <summary>
/// Runs a search in the database's own full-text index (SQLite FTS5, PostgreSQL tsvector), best match first:
/// bm25 with the title weighing ten times the body on SQLite, ts_rank_cd with the title in weight A on PostgreSQL.
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
        var words = dialect.Match(terms);
        var counts = new Dictionary<string, int>();
        await ReadAsync(dialect.Counts(query), words, query, reader => counts[reader.GetString(0)] = reader.GetInt32(1), cancellationToken);
        var total = query.Type is { } type ? counts.GetValueOrDefault(type) : counts.Values.Sum();
        var found = new List<SearchResult>();
        if (total > 0)
        {
            await ReadAsync(dialect.Page(query), words, query, reader => found.Add(new SearchResult(
                reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), Snippets.ToHtml(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc))), cancellationToken);
        }
        return new(await StillPublicAsync(found, cancellationToken), total, counts);
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

    private async Task ReadAsync(string sql, string words, SearchQuery query, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in SearchSql.Parameters(words, query).Where(p => sql.Contains('@' + p.Name, StringComparison.Ordinal)))
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
