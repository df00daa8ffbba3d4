using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Groups.Pages;

/// <summary>How the group, meeting and action pages run a change and answer the person.</summary>
public static class GroupChanges
{
    /// <summary>
    /// With a valid form, runs <paramref name="act"/>; on success says <paramref name="done"/> (unless the change
    /// said something itself) and goes to <paramref name="then"/>. A refusal becomes 403 or 404, a broken rule an
    /// error on <paramref name="errorKey"/>: the page is shown again, as 400, after <paramref name="reload"/>.
    /// </summary>
    public static async Task<IActionResult> RunAsync(
        this PageModel page, Func<Task> act, string done, string then, string errorKey, Func<Task> reload)
    {
        if (page.ModelState.IsValid)
        {
            try
            {
                await act();
                if (done.Length > 0)
                {
                    page.TempData.Success(done);
                }
                return new RedirectResult(then);
            }
            catch (ForbiddenException)
            {
                return new ForbidResult();
            }
            catch (NotFoundException)
            {
                return new NotFoundResult();
            }
            catch (RuleException rule)
            {
                page.ModelState.AddModelError(errorKey, rule.Message);
            }
        }
        await reload();
        return page.Invalid();
    }
}
