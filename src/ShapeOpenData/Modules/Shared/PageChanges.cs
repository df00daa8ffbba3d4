using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// How every page makes a change and answers the person: the one page helper. A broken rule becomes an error in
/// the page's summary; "not found" and "forbidden" become 404 and 403 for every page in one place
/// (<c>Infrastructure/Errors</c>), so pages let those through.
/// </summary>
public static class PageChanges
{
    /// <summary>
    /// With a valid form, runs <paramref name="change"/>; on success says <paramref name="done"/> (unless it is empty
    /// because the change said something itself) and goes to <paramref name="then"/>.
    /// </summary>
    public static Task<IActionResult> ChangeAsync(
        this PageModel page, Func<Task> change, string done, string then, string errorKey, Func<Task>? reload = null) =>
        page.ChangeAsync(async () =>
        {
            await change();
            return new Changed(then, done);
        }, errorKey, reload);

    /// <summary>
    /// With a valid form, runs <paramref name="change"/>, which says where to go next and what to tell the person.
    /// A <see cref="RuleException"/> is shown on <paramref name="errorKey"/>: the page again, as 400, after
    /// <paramref name="reload"/> has loaded what it shows besides the form.
    /// </summary>
    public static async Task<IActionResult> ChangeAsync(
        this PageModel page, Func<Task<Changed>> change, string errorKey, Func<Task>? reload = null)
    {
        if (page.ModelState.IsValid)
        {
            try
            {
                var changed = await change();
                if (changed.Message.Length > 0)
                {
                    page.TempData.Success(changed.Message);
                }
                return new RedirectResult(changed.Then);
            }
            catch (RuleException rule)
            {
                page.ModelState.AddModelError(errorKey, rule.Message);
            }
        }
        if (reload is not null)
        {
            await reload();
        }
        return page.Invalid();
    }
}

/// <summary>Where to go after a change, and what to tell the person (nothing when empty).</summary>
public sealed record Changed(string Then, string Message = "");
