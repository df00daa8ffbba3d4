using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// GOV.UK Frontend form fields as tag helpers: label, hint, error message and input, with the markup the
/// design system publishes. Every form uses these, so every field shows its error the same way and the
/// error summary (<c>_ErrorSummary</c>) links to it by <see cref="FieldIds"/>.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";
    public string? Hint { get; set; }

    /// <summary>s, m, l or xl: the size of the label or legend.</summary>
    public string? LabelSize { get; set; }

    /// <summary>The label or legend is the page's heading (one question per page).</summary>
    public bool IsPageHeading { get; set; }

    protected string Name => For.Name;
    protected string Id => FieldIds.For(Name);
    protected string HintId => Id + "-hint";
    protected string ErrorId => Id + "-error";

    protected string? Error =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>What was typed when the form came back with errors, otherwise the model's value.</summary>
    protected string? Value =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : Convert.ToString(For.Model, CultureInfo.InvariantCulture);

    protected string? DescribedBy(string? extra = null)
    {
        var ids = new List<string>();
        if (extra is not null) ids.Add(extra);
        if (Hint is not null) ids.Add(HintId);
        if (Error is not null) ids.Add(ErrorId);
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-form-group" + (Error is null ? "" : " govuk-form-group--error"));
        var html = new Html();
        Render(html);
        output.Content.SetHtmlContent(html.ToString());
    }

    protected abstract void Render(Html html);

    protected void RenderLabel(Html html, string forId)
    {
        var label = $"<label class=\"govuk-label{SizeClass("label")}\" for=\"{Html.Encode(forId)}\">{Html.Encode(Label)}</label>";
        html.Raw(IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);
    }

    protected void RenderHintAndError(Html html)
    {
        if (Hint is not null)
        {
            html.Raw($"<div id=\"{HintId}\" class=\"govuk-hint\">{Html.Encode(Hint)}</div>");
        }
        if (Error is { } error)
        {
            html.Raw($"<p id=\"{ErrorId}\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Html.Encode(error)}</p>");
        }
    }

    /// <summary>Radios, checkboxes and date inputs are a fieldset with a legend.</summary>
    protected void RenderFieldset(Html html, Action<Html> content, string? role = null)
    {
        html.Raw($"<fieldset class=\"govuk-fieldset\"{Html.Attribute("role", role)}{Html.Attribute("aria-describedby", DescribedBy())}>");
        var legendClass = "govuk-fieldset__legend" + SizeClass("fieldset__legend");
        html.Raw(IsPageHeading
            ? $"<legend class=\"{legendClass}\"><h1 class=\"govuk-fieldset__heading\">{Html.Encode(Label)}</h1></legend>"
            : $"<legend class=\"{legendClass}\">{Html.Encode(Label)}</legend>");
        RenderHintAndError(html);
        content(html);
        html.Raw("</fieldset>");
    }

    private string SizeClass(string block) =>
        (LabelSize ?? (IsPageHeading ? "l" : null)) is { } size ? $" govuk-{block}--{size}" : "";

    protected IEnumerable<string> SelectedValues() =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null
            ? entry.RawValue switch
            {
                string one => [one],
                IEnumerable<string> many => many,
                _ => [Convert.ToString(entry.RawValue, CultureInfo.InvariantCulture) ?? ""],
            }
            : For.Model switch
            {
                null => [],
                string one => [one],
                IEnumerable many => many.Cast<object>().Select(v => v is Enum e ? Infrastructure.Codes.ToCodeOf(e) : v.ToString() ?? ""),
                Enum e => [Infrastructure.Codes.ToCodeOf(e)],
                var other => [Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""],
            };
}

/// <summary>Writes encoded HTML.</summary>
public sealed class Html
{
    private readonly StringBuilder _builder = new();

    public Html Raw(string html)
    {
        _builder.Append(html);
        return this;
    }

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Attribute(string name, string? value) => value is null ? "" : $" {name}=\"{Encode(value)}\"";

    public override string ToString() => _builder.ToString();
}
