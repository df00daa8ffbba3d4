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

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }

    /// <summary>A GOV.UK width class such as <c>govuk-input--width-10</c> or <c>govuk-!-width-two-thirds</c>.</summary>
    public string? InputClass { get; set; }
    public bool Spellcheck { get; set; } = true;

    protected override void Render(Html html)
    {
        RenderLabel(html, Id);
        RenderHintAndError(html);
        var classes = "govuk-input" + (InputClass is null ? "" : " " + InputClass) + (Error is null ? "" : " govuk-input--error");
        html.Raw($"<input class=\"{classes}\" id=\"{Id}\" name=\"{Html.Encode(Name)}\" type=\"{Html.Encode(Type)}\"" +
                 $"{Html.Attribute("value", Value)}{Html.Attribute("autocomplete", Autocomplete)}{Html.Attribute("inputmode", Inputmode)}" +
                 $"{(Spellcheck ? "" : " spellcheck=\"false\"")}{Html.Attribute("aria-describedby", DescribedBy())}>");
    }
}

/// <summary>The GOV.UK password input: a show/hide button appears when JavaScript runs. Never echoes the value.</summary>
[HtmlTargetElement("govuk-password", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukPasswordTagHelper : GovukFieldTagHelper
{
    public string Autocomplete { get; set; } = "current-password";

    protected override void Render(Html html)
    {
        RenderLabel(html, Id);
        RenderHintAndError(html);
        html.Raw("<div class=\"govuk-input__wrapper govuk-password-input__wrapper\">");
        html.Raw($"<input class=\"govuk-input govuk-password-input__input govuk-js-password-input-input{(Error is null ? "" : " govuk-input--error")}\"" +
                 $" id=\"{Id}\" name=\"{Html.Encode(Name)}\" type=\"password\" spellcheck=\"false\" autocapitalize=\"none\"" +
                 $" autocomplete=\"{Html.Encode(Autocomplete)}\"{Html.Attribute("aria-describedby", DescribedBy())}>");
        html.Raw($"<button type=\"button\" class=\"govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle\"" +
                 $" data-module=\"govuk-button\" aria-controls=\"{Id}\" aria-label=\"Show password\" hidden>Show</button>");
        html.Raw("</div>");
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        base.Process(context, output);
        output.Attributes.SetAttribute("class", output.Attributes["class"].Value + " govuk-password-input");
        output.Attributes.SetAttribute("data-module", "govuk-password-input");
    }
}

/// <summary>A textarea; with <see cref="MaxLength"/> it becomes the GOV.UK character count.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public int Rows { get; set; } = 5;
    public int? MaxLength { get; set; }

    protected override void Render(Html html)
    {
        RenderLabel(html, Id);
        RenderHintAndError(html);
        var classes = "govuk-textarea" + (MaxLength is null ? "" : " govuk-js-character-count") + (Error is null ? "" : " govuk-textarea--error");
        var described = DescribedBy(MaxLength is null ? null : Id + "-info");
        html.Raw($"<textarea class=\"{classes}\" id=\"{Id}\" name=\"{Html.Encode(Name)}\" rows=\"{Rows}\"{Html.Attribute("aria-describedby", described)}>");
        html.Raw(Html.Encode(Value));
        html.Raw("</textarea>");
        if (MaxLength is { } max)
        {
            html.Raw($"<div id=\"{Id}-info\" class=\"govuk-hint govuk-character-count__message\">You can enter up to {max} characters</div>");
        }
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        base.Process(context, output);
        if (MaxLength is { } max)
        {
            output.Attributes.SetAttribute("class", output.Attributes["class"].Value + " govuk-character-count");
            output.Attributes.SetAttribute("data-module", "govuk-character-count");
            output.Attributes.SetAttribute("data-maxlength", max.ToString(CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>Radios: the first radio takes the field's id so the error summary can link to it.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukFieldTagHelper
{
    public IEnumerable<GovukOption> Items { get; set; } = [];
    public bool Inline { get; set; }
    public bool Small { get; set; }

    protected override void Render(Html html) => RenderFieldset(html, body =>
    {
        var selected = SelectedValues().ToHashSet(StringComparer.Ordinal);
        body.Raw($"<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : "")}{(Small ? " govuk-radios--small" : "")}\" data-module=\"govuk-radios\">");
        var index = 0;
        foreach (var item in Items)
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var hintId = item.Hint is null ? null : id + "-item-hint";
            body.Raw("<div class=\"govuk-radios__item\">");
            body.Raw($"<input class=\"govuk-radios__input\" id=\"{id}\" name=\"{Html.Encode(Name)}\" type=\"radio\" value=\"{Html.Encode(item.Value)}\"" +
                     $"{(selected.Contains(item.Value) ? " checked" : "")}{Html.Attribute("aria-describedby", hintId)}>");
            body.Raw($"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{Html.Encode(item.Text)}</label>");
            if (item.Hint is not null)
            {
                body.Raw($"<div id=\"{hintId}\" class=\"govuk-hint govuk-radios__hint\">{Html.Encode(item.Hint)}</div>");
            }
            body.Raw("</div>");
        }
        body.Raw("</div>");
    });
}

/// <summary>Checkboxes bound to a list of codes.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukFieldTagHelper
{
    public IEnumerable<GovukOption> Items { get; set; } = [];
    public bool Small { get; set; }

    protected override void Render(Html html) => RenderFieldset(html, body =>
    {
        var selected = SelectedValues().ToHashSet(StringComparer.Ordinal);
        body.Raw($"<div class=\"govuk-checkboxes{(Small ? " govuk-checkboxes--small" : "")}\" data-module=\"govuk-checkboxes\">");
        var index = 0;
        foreach (var item in Items)
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var hintId = item.Hint is null ? null : id + "-item-hint";
            body.Raw("<div class=\"govuk-checkboxes__item\">");
            body.Raw($"<input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{Html.Encode(Name)}\" type=\"checkbox\" value=\"{Html.Encode(item.Value)}\"" +
                     $"{(selected.Contains(item.Value) ? " checked" : "")}{Html.Attribute("aria-describedby", hintId)}>");
            body.Raw($"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{Html.Encode(item.Text)}</label>");
            if (item.Hint is not null)
            {
                body.Raw($"<div id=\"{hintId}\" class=\"govuk-hint govuk-checkboxes__hint\">{Html.Encode(item.Hint)}</div>");
            }
            body.Raw("</div>");
        }
        body.Raw("</div>");
    });
}

/// <summary>The GOV.UK date input, bound to a <see cref="DateInput"/>. The day box takes the field's id.</summary>
[HtmlTargetElement("govuk-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateTagHelper : GovukFieldTagHelper
{
    protected override void Render(Html html) => RenderFieldset(html, body =>
    {
        var date = For.Model as DateInput ?? new DateInput();
        var errorClass = Error is null ? "" : " govuk-input--error";
        body.Raw($"<div class=\"govuk-date-input\" id=\"{Id}-group\">");
        foreach (var (part, label, width, value) in new[]
                 {
                     ("Day", "Day", 2, date.Day), ("Month", "Month", 2, date.Month), ("Year", "Year", 4, date.Year),
                 })
        {
            var id = part == "Day" ? Id : $"{Id}-{part.ToLowerInvariant()}";
            body.Raw("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">");
            body.Raw($"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>");
            body.Raw($"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{errorClass}\" id=\"{id}\"" +
                     $" name=\"{Html.Encode(Name)}.{part}\" type=\"text\" inputmode=\"numeric\"{Html.Attribute("value", value)}>");
            body.Raw("</div></div>");
        }
        body.Raw("</div>");
    }, role: "group");
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    public IEnumerable<GovukOption> Items { get; set; } = [];

    protected override void Render(Html html)
    {
        RenderLabel(html, Id);
        RenderHintAndError(html);
        var selected = SelectedValues().ToHashSet(StringComparer.Ordinal);
        html.Raw($"<select class=\"govuk-select{(Error is null ? "" : " govuk-select--error")}\" id=\"{Id}\" name=\"{Html.Encode(Name)}\"{Html.Attribute("aria-describedby", DescribedBy())}>");
        foreach (var item in Items)
        {
            html.Raw($"<option value=\"{Html.Encode(item.Value)}\"{(selected.Contains(item.Value) ? " selected" : "")}>{Html.Encode(item.Text)}</option>");
        }
        html.Raw("</select>");
    }
}
