using Microsoft.AspNetCore.Mvc.ModelBinding;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.Shared;

/// <summary>The GOV.UK pagination component's model: which page, how many, and each page's address.</summary>
public sealed record Pagination(int Page, int PageCount, Func<int, string> Href, string Label = "Pagination")
{
    public static readonly string PageNumberError = $"Enter a page number from 1 to {Paging.MaxPage:N0}";

    /// <summary>
    /// The page a list's address asks for (its <c>page</c> query value), from 1 to <see cref="Paging.MaxPage"/>. Anything
    /// else, a number too big to read included, is an error in the page's summary: the list answers 400, as for a bad
    /// filter. (Clamping would show a page other than the address says, and a page that far only comes from an
    /// address edited by hand.)
    /// </summary>
    public static int PageNumber(ModelStateDictionary state, int? page)
    {
        // The framework's own words for a number it could not read are replaced by the service's.
        var unreadable = state.TryGetValue("page", out var entry) && entry.Errors.Count > 0;
        if (unreadable || page is < 1 or > Paging.MaxPage)
        {
            state.Remove("page");
            state.AddModelError("", PageNumberError);
            return 1;
        }
        return page ?? 1;
    }

    /// <summary>The current address with another page number, keeping the filters.</summary>
    public static Func<int, string> KeepingQuery(HttpRequest request) => page =>
        QueryString.Create(request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToString();

    /// <summary>Page numbers to show: the first, the last, and those next to the current one; null marks a gap.</summary>
    public IEnumerable<int?> Items()
    {
        int? previous = null;
        foreach (var page in Enumerable.Range(1, PageCount).Where(p => p == 1 || p == PageCount || Math.Abs(p - Page) <= 1))
        {
            if (previous is { } before && page - before > 1)
            {
                yield return null;
            }
            yield return page;
            previous = page;
        }
    }
}
