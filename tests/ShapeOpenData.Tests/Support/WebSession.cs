using System.Net;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ShapeOpenData.Tests.Support;

/// <summary>
/// One person's browser, without the browser: real HTTP with cookies, pages parsed with AngleSharp, forms
/// submitted the way a browser submits them (hidden fields and antiforgery token included).
/// </summary>
public sealed partial class WebSession(HttpClient client)
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public HttpClient Http => client;

    public async Task<WebPage> GetAsync(string url) => await WebPage.FromAsync(await client.GetAsync(url));

    /// <summary>Fills in and submits a form on <paramref name="page"/>, like pressing its button.</summary>
    /// <param name="selector">Which form; by default the first one in the main content that posts.</param>
    public async Task<WebPage> SubmitAsync(WebPage page, IEnumerable<KeyValuePair<string, string>>? fields = null, string selector = "main form[method=post]")
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(selector)
                   ?? throw new InvalidOperationException($"No form '{selector}' on {page.Url}: {page.Title}");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        var given = (fields ?? []).ToList();
        values.RemoveAll(v => given.Any(g => g.Key == v.Key));
        values.AddRange(given);

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action")!;
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        if (method == "GET")
        {
            var query = string.Join('&', values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));
            return await GetAsync($"{action.Split('?')[0]}?{query}");
        }
        using var content = new FormUrlEncodedContent(values);
        return await WebPage.FromAsync(await client.PostAsync(action, content));
    }

    public Task<WebPage> SubmitAsync(WebPage page, params (string Name, string Value)[] fields) =>
        SubmitAsync(page, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Signs in through the sign-in page, answering the two-factor question when asked.</summary>
    public async Task<WebPage> SignInAsync(Person person, string password = ServiceFactory.Password)
    {
        var page = await SubmitAsync(await GetAsync("/account/sign-in"), ("Email", person.Email), ("Password", password));
        if (page.Url.Contains("/account/sign-in/two-factor", StringComparison.Ordinal))
        {
            page = await SubmitAsync(page, ("Code", person.CurrentCode()));
        }
        return page;
    }

    public static async Task<IDocument> ParseAsync(string html) => await Parser.OpenAsync(request => request.Content(html));

    [GeneratedRegex(@"https?://[^\s]+")]
    public static partial Regex LinkPattern();
}

/// <summary>A page as a person would see it.</summary>
public sealed class WebPage
{
    private WebPage(HttpResponseMessage response, IDocument document, string body)
    {
        Response = response;
        Document = document;
        Body = body;
    }

    public HttpResponseMessage Response { get; }
    public IDocument Document { get; }
    public string Body { get; }
    public HttpStatusCode Status => Response.StatusCode;
    public string Url => Response.RequestMessage!.RequestUri!.PathAndQuery;
    public string Title => Document.Title ?? "";
    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";
    public string Text => Document.QuerySelector("main")?.TextContent ?? "";

    /// <summary>The error summary's messages with the id each one links to.</summary>
    public IReadOnlyList<(string Message, string? Target)> Errors =>
        [.. Document.QuerySelectorAll(".govuk-error-summary__list li").Select(li =>
            (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href")?.TrimStart('#')))];

    /// <summary>The message shown on a field, found from the error summary's link.</summary>
    public string? FieldError(string id) =>
        Document.GetElementById(id + "-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim();

    public string? Flash => Document.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")?.TextContent.Trim();

    public static async Task<WebPage> FromAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new WebPage(response, await WebSession.ParseAsync(body), body);
    }
}
