using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ShapeOpenData.Modules.Shared;

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
