using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// Radios and checkboxes: the same markup with a different block name. The first choice takes the field's
/// id so the error summary can link to it.
/// </summary>
public abstract class GovukChoicesTagHelper(string block, string inputType) : GovukFieldTagHelper
{
    public IEnumerable<GovukOption> Items { get; set; } = [];
    public bool Small { get; set; }

    protected virtual string Modifiers => Small ? $" govuk-{block}--small" : "";

    protected override void Render(Html html) => RenderFieldset(html, body =>
    {
        var selected = SelectedValues().ToHashSet(StringComparer.Ordinal);
        body.Raw($"<div class=\"govuk-{block}{Modifiers}\" data-module=\"govuk-{block}\">");
        var index = 0;
        foreach (var item in Items)
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var hintId = item.Hint is null ? null : id + "-item-hint";
            body.Raw($"<div class=\"govuk-{block}__item\">");
            body.Raw($"<input class=\"govuk-{block}__input\" id=\"{id}\" name=\"{Html.Encode(Name)}\" type=\"{inputType}\" value=\"{Html.Encode(item.Value)}\"" +
                     $"{(selected.Contains(item.Value) ? " checked" : "")}{Html.Attribute("aria-describedby", hintId)}>");
            body.Raw($"<label class=\"govuk-label govuk-{block}__label\" for=\"{id}\">{Html.Encode(item.Text)}</label>");
            if (item.Hint is not null)
            {
                body.Raw($"<div id=\"{hintId}\" class=\"govuk-hint govuk-{block}__hint\">{Html.Encode(item.Hint)}</div>");
            }
            body.Raw("</div>");
        }
        body.Raw("</div>");
    });
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper() : GovukChoicesTagHelper("radios", "radio")
{
    public bool Inline { get; set; }

    protected override string Modifiers => base.Modifiers + (Inline ? " govuk-radios--inline" : "");
}

/// <summary>Checkboxes bound to a list of codes.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper() : GovukChoicesTagHelper("checkboxes", "checkbox");

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
