using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates.Pages;

/// <summary>A page listing updates newest first, a page at a time: all of them, or those with one tag.</summary>
public abstract class UpdateListModel(UpdateReadModel read) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<UpdateSummary> Updates { get; private set; } = [];
    public int Total { get; private set; }
    public Pagination Pagination { get; private set; } = null!;
    public bool CanPost => UpdatePermissions.CanPost(User);

    /// <summary>Page <paramref name="page"/> of the updates <paramref name="filter"/> picks; false when the page number is wrong (an error is added).</summary>
    protected async Task<bool> LoadAsync(UpdateFilter filter, int? page, CancellationToken cancellationToken)
    {
        var number = Pagination.PageNumber(ModelState, page);
        Pagination = new Pagination(number, 1, Pagination.KeepingQuery(Request));
        if (!ModelState.IsValid)
        {
            return false;
        }
        var query = read.Filtered(filter);
        Total = await query.CountAsync(cancellationToken);
        Updates = await read.SummariesAsync(query.Skip((number - 1) * PageSize).Take(PageSize), cancellationToken);
        Pagination = Pagination with { PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize) };
        return true;
    }
}
