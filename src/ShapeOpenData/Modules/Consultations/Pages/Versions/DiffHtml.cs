using System.Text;
using Microsoft.AspNetCore.Html;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages.Versions;

/// <summary>
/// Compared text as HTML: kept text as it is, insertions in <c>&lt;ins&gt;</c> and deletions in <c>&lt;del&gt;</c>, each
/// announced ("added:", "removed:") to those who cannot see the marks. Written on one line, since the text keeps its
/// own line breaks.
/// </summary>
public static class DiffHtml
{
    public static IHtmlContent Of(IReadOnlyList<TextPiece> pieces)
    {
        var html = new StringBuilder();
        foreach (var piece in pieces)
        {
            var text = Html.Encode(piece.Text);
            html.Append(piece.Change switch
            {
                TextChange.Inserted => $"<ins><span class=\"govuk-visually-hidden\">added: </span>{text}</ins>",
                TextChange.Deleted => $"<del><span class=\"govuk-visually-hidden\">removed: </span>{text}</del>",
                _ => text,
            });
        }
        return new HtmlString(html.ToString());
    }
}
