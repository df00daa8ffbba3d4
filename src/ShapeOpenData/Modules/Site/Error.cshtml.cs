using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ShapeOpenData.Modules.Site;

/// <summary>
/// Every error a page can end in, in the service's own style. Reached by re-execution, so it answers any
/// method and keeps the status code it was given.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Show(code);
    public IActionResult OnPost(int code) => Show(code);
    public IActionResult OnPut(int code) => Show(code);
    public IActionResult OnDelete(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        var result = Page();
        result.StatusCode = Code;
        return result;
    }
}
