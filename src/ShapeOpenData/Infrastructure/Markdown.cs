using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// The Markdown people may write (paragraphs, emphasis, lists, links, quotes, code) turned into HTML that is
/// safe to show: Markdig renders, HtmlSanitizer keeps only that subset. Raw HTML in the input is shown as text.
/// Sanitising costs about a millisecond a comment, so what was rendered is remembered (up to 8 million
/// characters): a long thread's page is rendered once, not once per reader.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 8_000_000 });

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        return Rendered.GetOrCreate(markdown, entry =>
        {
            var html = Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));
            entry.Size = markdown.Length + html.Length;
            return html;
        })!;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "pre", "blockquote"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        // Links people post are theirs, not the service's: no search-engine credit, no access to this window.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "nofollow ugc noopener");
                anchor.ClassName = "govuk-link";
            }
            else if (e.Node is AngleSharp.Dom.IElement element)
            {
                var style = element.LocalName switch
                {
                    "p" => "govuk-body",
                    "ul" => "govuk-list govuk-list--bullet",
                    "ol" => "govuk-list govuk-list--number",
                    "blockquote" => "govuk-inset-text",
                    _ => null,
                };
                if (style is not null) element.ClassName = style;
            }
        };
        return sanitizer;
    }
}
