using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages.Versions;

/// <summary>
/// Publishing a new version of the document, once the consultation has opened: every section of the latest version
/// to change, an empty one to add, a section left empty to remove it, and a note of what changed. Version N is never
/// edited: this makes N+1, and the workflow emails the followers.
/// </summary>
[Authorize]
public sealed class NewModel(AppDbContext db, TimeProvider clock, ConsultationWorkflow consultations) : VersionPage(db, clock)
{
    /// <summary>One section as typed: both empty means it is left out.</summary>
    public sealed class SectionInput
    {
        public string? Heading { get; set; }
        public string? Body { get; set; }
    }

    [BindProperty] public List<SectionInput> Sections { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    /// <summary>The version the form was filled from, so that a colleague's version published meanwhile is not overwritten.</summary>
    [BindProperty] public int BasedOn { get; set; }

    /// <summary>How many sections the latest version has: the ones after are new.</summary>
    public int Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        var latest = await VersionAsync(Latest, cancellationToken);
        Sections = [.. latest!.Sections.Select(s => new SectionInput { Heading = s.Heading, Body = s.Body })];
        BasedOn = Latest;
        AddEmptySection();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        var sections = ReadSections();
        var note = ModelState.Required(nameof(Note), Note, "Say what changed in this version", DocumentVersion.NoteMaxLength, "The note");
        if (BasedOn != Latest)
        {
            ModelState.AddModelError("", $"Version {Latest} was published while you were writing this one. Start again from version {Latest}, so that its changes are kept");
        }
        else if (ModelState.IsValid && sections.Count > 0 && await SameAsLatestAsync(sections, cancellationToken))
        {
            ModelState.AddModelError("", $"Nothing has changed since version {Latest}: change, add or remove a section");
        }
        return await this.ChangeAsync(async () =>
        {
            DocumentVersion published;
            try
            {
                published = await consultations.PublishVersionAsync(slug, sections, note, User, cancellationToken);
            }
            catch (DbUpdateException conflict) when (conflict.IsUniqueViolation())
            {
                throw new RuleException("Someone else published a version at the same moment. Start again from the latest version, so that its changes are kept");
            }
            return new Changed($"/consultations/{slug}/versions/{published.Number}", $"Version {published.Number} has been published. Its followers have been told");
        }, "", () =>
        {
            AddEmptySection();
            return Task.CompletedTask;
        });
    }

    /// <summary>An empty section at the end to add, unless the form already ends with a new one left empty.</summary>
    private void AddEmptySection()
    {
        var endsEmpty = Sections.Count > Existing && string.IsNullOrWhiteSpace(Sections[^1].Heading) && string.IsNullOrWhiteSpace(Sections[^1].Body);
        if (!endsEmpty && Sections.Count <= DocumentVersion.MaxSections)
        {
            Sections.Add(new SectionInput());
        }
    }

    /// <summary>404 for a draft (its sections are changed in place) or someone who may not see it; 403 for a reader who does not run it.</summary>
    private async Task<IActionResult?> RefusedAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadVersionsAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!CanRun)
        {
            return Forbid();
        }
        Existing = (await VersionAsync(Latest, cancellationToken))!.Sections.Count;
        return null;
    }

    /// <summary>The sections kept, in order; an error on each that has only half of heading and text.</summary>
    private List<(string Heading, string Body)> ReadSections()
    {
        var kept = new List<(string, string)>();
        for (var i = 0; i < Sections.Count; i++)
        {
            var (heading, body) = (Sections[i].Heading?.Trim() ?? "", Sections[i].Body?.Trim() ?? "");
            if (heading.Length == 0 && body.Length == 0)
            {
                continue;
            }
            var (headingKey, bodyKey) = ($"{nameof(Sections)}[{i}].Heading", $"{nameof(Sections)}[{i}].Body");
            var which = i < Existing ? $"section {i + 1}" : "the new section";
            var checkedHeading = ModelState.Required(headingKey, heading, $"Enter a heading for {which}, or empty its text too to remove it", Section.HeadingMaxLength, "The heading");
            var checkedBody = ModelState.Required(bodyKey, body, $"Enter the text of {which}, or empty its heading too to remove it", Section.BodyMaxLength, "The text");
            if (checkedHeading is not null && checkedBody is not null)
            {
                kept.Add((checkedHeading, checkedBody));
            }
        }
        if (kept.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError("", "Keep at least one section: a document cannot be empty");
        }
        if (Sections.Count > DocumentVersion.MaxSections + 1)
        {
            ModelState.AddModelError("", $"A document has at most {DocumentVersion.MaxSections} sections");
        }
        return kept;
    }

    private async Task<bool> SameAsLatestAsync(List<(string Heading, string Body)> sections, CancellationToken cancellationToken)
    {
        var latest = (await VersionAsync(Latest, cancellationToken))!.Sections;
        return latest.Count == sections.Count && latest.Zip(sections).All(p => p.First.Heading == p.Second.Heading && p.First.Body == p.Second.Body);
    }
}
