using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ShapeOpenData.Modules.Shared;

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
                 $"{Html.Attribute("value", string.IsNullOrEmpty(Value) ? null : Value)}{Html.Attribute("autocomplete", Autocomplete)}{Html.Attribute("inputmode", Inputmode)}" +
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
