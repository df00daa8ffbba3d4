using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Moderation;

/// <summary>The public moderation log: every decision, newest first, with no reporter, no hidden words and no moderator's note.</summary>
public sealed class LogModel(ModerationViews queue) : PageModel
{
    public IReadOnlyList<LogLine> Lines { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int Total { get; private set; }

    /// <param name="page">Which page of the log (the name "page" is Razor Pages' own route value, so it is read here).</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        PageNumber = Pagination.PageNumber(ModelState, page);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        (Lines, Total) = await queue.LogPageAsync(PageNumber, cancellationToken);
        PageCount = Math.Max(1, (Total + ModerationViews.PageSize - 1) / ModerationViews.PageSize);
        return Page();
    }
}
