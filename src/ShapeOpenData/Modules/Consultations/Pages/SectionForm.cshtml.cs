using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages;

/// <summary>Writing a section of a draft's document: a new one at the end, or changing one.</summary>
[Authorize]
public sealed class SectionFormModel(AppDbContext db, TimeProvider clock, ConsultationWorkflow consultations) : ConsultationPage(db, clock)
{
    [BindProperty] public string? Heading { get; set; }
    [BindProperty] public string? Body { get; set; }

    public int? Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!CanRun)
        {
            return Forbid();
        }
        Number = number;
        if (number is not null)
        {
            var section = (await CurrentVersionAsync(cancellationToken))?.Sections.SingleOrDefault(s => s.Number == number);
            if (section is null)
            {
                return NotFound();
            }
            (Heading, Body) = (section.Heading, section.Body);
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string slug, int? number, CancellationToken cancellationToken)
    {
        Number = number;
        var heading = ModelState.Required(nameof(Heading), Heading, "Enter the section's heading", Section.HeadingMaxLength, "The heading");
        var body = ModelState.Required(nameof(Body), Body, "Enter the section's text", Section.BodyMaxLength, "The text");
        return RunAsync(slug, number is null ? "The section has been added" : "The section has been changed",
            () => number is { } n
                ? consultations.ChangeSectionAsync(slug, n, heading!, body!, User, cancellationToken)
                : consultations.AddSectionAsync(slug, heading!, body!, User, cancellationToken),
            nameof(Heading), $"/consultations/{slug}/manage#sections", cancellationToken);
    }
}
