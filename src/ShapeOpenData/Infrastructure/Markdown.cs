using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.Extensions.Caching.Memory;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// The Markdown people may write (paragraphs, emphasis, lists, links, quotes, code) turned into HTML that is
/// safe to show: Markdig renders, HtmlSanitizer keeps only that subset. Raw HTML in the input is shown as text.
/// Documents (terms of reference, agendas, minutes) may also have headings.
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

    private static readonly HtmlSanitizer DocumentSanitizer = CreateSanitizer("h3", "h4");

    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 8_000_000 });

    public static string ToSafeHtml(string? markdown) => Render(markdown, document: false);

    /// <summary>
    /// A document with headings. They sit under the page's own second-level heading, so <c>#</c> and <c>##</c>
    /// become <c>h3</c> and deeper ones <c>h4</c>.
    /// </summary>
    public static string ToSafeDocumentHtml(string? markdown) => Render(markdown, document: true);

    private static string Render(string? markdown, bool document)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        return Rendered.GetOrCreate((markdown, document), entry =>
        {
            var parsed = Markdig.Markdown.Parse(markdown, Pipeline);
            foreach (var heading in parsed.Descendants<HeadingBlock>())
            {
                heading.Level = heading.Level <= 2 ? 3 : 4;
            }
            var html = (document ? DocumentSanitizer : Sanitizer).Sanitize(parsed.ToHtml(Pipeline));
            entry.Size = markdown.Length + html.Length;
            return html;
        })!;
    }

    private static HtmlSanitizer CreateSanitizer(params string[] headings)
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "pre", "blockquote", .. headings], StringComparer.OrdinalIgnoreCase),
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
                    "h3" => "govuk-heading-s",
                    "h4" => "govuk-heading-s",
                    _ => null,
                };
                if (style is not null) element.ClassName = style;
            }
        };
        return sanitizer;
    }
}
