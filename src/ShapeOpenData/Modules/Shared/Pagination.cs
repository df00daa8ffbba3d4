namespace ShapeOpenData.Modules.Shared;

/// <summary>The GOV.UK pagination component's model: which page, how many, and each page's address.</summary>
public sealed record Pagination(int Page, int PageCount, Func<int, string> Href, string Label = "Pagination")
{
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
