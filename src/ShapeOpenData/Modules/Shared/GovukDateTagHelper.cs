using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ShapeOpenData.Modules.Shared;

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
