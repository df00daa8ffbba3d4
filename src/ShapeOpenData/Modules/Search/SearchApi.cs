using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.Search;

/// <summary><c>/api/v1/search</c>: the site search, for programs. Only what anyone may see is found.</summary>
public static class SearchApi
{
    public static void Map(WebApplication app) =>
        app.MapGroup("/api/v1/search").WithTags("Search")
            .MapGet("", SearchAsync).WithName("Search").WithSummary("Search everything public")
            .WithDescription("Requests, datasets, problem reports, consultations and their statements, groups, meetings, commitments and organisations " +
                "whose words match q (English stemming: 'publishing' finds 'published'), best match first. At most 1,000 are counted and ranked: when more match, more is true and the first 1,000 are those with every word in the title, then the rest, newest first. The snippet is HTML: the matching words are in <mark>, the rest is encoded.");

    public sealed record SearchResultResponse(string Type, int Id, string Title, string Url, string Snippet, int? OrganisationId, DateTime? Date);

    /// <param name="Total">How many match, counted up to 1,000.</param>
    /// <param name="CountsByType">How many of each type match, when no more than 1,000 do in all; empty otherwise.</param>
    /// <param name="More">More than total match: only the first 1,000 (every word in the title first, then newest first) can be paged through.</param>
    public sealed record SearchResponse(IReadOnlyList<SearchResultResponse> Items, int Page, int PageSize, int Total, IReadOnlyDictionary<string, int> CountsByType, bool More);

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        [Description("The words to find; every word must be in the item. Up to 200 characters.")] string? q,
        [Description("Only this type: request, dataset, quality_report, consultation, consultation_statement, group, meeting, commitment, update or organisation.")] string? type,
        [Description("An organisation's slug: only its items.")] string? organisation,
        [Description("Only items dated on or after this day (yyyy-mm-dd).")] string? from,
        [Description("Only items dated on or before this day (yyyy-mm-dd).")] string? to,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        SiteSearch search, AppDbContext db, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var (query, errors) = await new SearchInput(q, type, organisation, from, to)
            .CheckAsync(db, search.Types, page ?? 1, pageSize ?? Paging.DefaultPageSize, cancellationToken);
        if (query is null)
        {
            var (field, message) = errors.First();
            return ApiModule.Invalid(field.ToLowerInvariant(), message);
        }
        var results = await search.FindAsync(query, cancellationToken);
        return TypedResults.Ok(new SearchResponse(
            [.. results.Items.Select(r => new SearchResultResponse(r.Type, r.Id, r.Title, r.Url, r.Snippet, r.OrganisationId, r.Date))],
            query.Page, query.PageSize, results.Total, results.CountsByType, results.More));
    }
}
