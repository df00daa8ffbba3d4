using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ShapeOpenData.Modules.Api;

/// <summary>A page of a list: the items, where it is, and how many there are in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// The last page any list may ask for. The page number is multiplied into the database's OFFSET, so an unbounded one
    /// overflowed it; a million items in (at the largest page size) is further than anyone reads a list.
    /// </summary>
    public const int MaxPage = 10_000;

    /// <summary>The furthest into a list an offset may reach (CKAN's <c>start</c> and <c>offset</c>): as far as the last page.</summary>
    public const int MaxOffset = MaxPage * MaxPageSize;

    public const string PageDescription = "Which page, from 1 (the default) to 10000.";
    public const string PageSizeDescription = "How many items a page, from 1 to 100; 20 by default.";

    public static ValidationProblem? Check(int? page, int? pageSize) =>
        page is < 1 or > MaxPage ? ApiModule.Invalid("page", $"page must be from 1 to {MaxPage}")
        : pageSize is < 1 or > MaxPageSize ? ApiModule.Invalid("pageSize", $"pageSize must be from 1 to {MaxPageSize}")
        : null;

    public static async Task<Paged<T>> PageAsync<T>(IQueryable<T> query, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Paged<T>(items, number, size, total);
    }
}
