using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages.Outcome;

/// <summary>
/// Writing the outcome, once the consultation has closed, and once: what people said and what was done, in Markdown,
/// and up to ten changes, each linked to the version of the document that made it. The figures are shown to write from.
/// </summary>
[Authorize]
public sealed class NewModel(AppDbContext db, TimeProvider clock, ConsultationWorkflow consultations, OutcomeCounts counts) : ConsultationPage(db, clock)
{
    public const int MaxChanges = 10;

    public sealed class ChangeInput
    {
        public string? Text { get; set; }
        public string? Version { get; set; }
    }

    [BindProperty] public string? YouSaid { get; set; }
    [BindProperty] public string? WeDid { get; set; }
    [BindProperty] public List<ChangeInput> Changes { get; set; } = [];

    public FiguresView Figures { get; private set; } = null!;
    public IReadOnlyList<GovukOption> Versions { get; private set; } = [];

    public bool IsClosed => Consultation.State == ConsultationState.Closed;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Consultation.State == ConsultationState.OutcomePublished)
        {
            return Redirect($"{Address}/outcome");
        }
        await OnInvalidAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }
        var youSaid = ModelState.Required(nameof(YouSaid), YouSaid, "Say what people told you", ConsultationOutcome.TextMaxLength, "What people said");
        var weDid = ModelState.Required(nameof(WeDid), WeDid, "Say what you did because of it", ConsultationOutcome.TextMaxLength, "What you did");
        var changes = await ReadChangesAsync(cancellationToken);
        return await this.ChangeAsync(() => consultations.PublishOutcomeAsync(slug, youSaid!, weDid!, changes, User, cancellationToken),
            "The outcome has been published. The consultation's followers have been told", $"{Address}/outcome", "", () => OnInvalidAsync(cancellationToken));
    }

    private async Task<IActionResult?> RefusedAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        return CanRun ? null : Forbid();
    }

    /// <summary>The changes given, in order; an error on each that names a version without saying what changed, or a version that does not exist.</summary>
    private async Task<List<(string Text, int? Version)>> ReadChangesAsync(CancellationToken cancellationToken)
    {
        var versions = await VersionNumbersAsync(cancellationToken);
        var changes = new List<(string, int?)>();
        if (Changes.Count > MaxChanges)
        {
            ModelState.AddModelError("", $"Give at most {MaxChanges} changes");
        }
        for (var i = 0; i < Math.Min(Changes.Count, MaxChanges); i++)
        {
            var (textKey, versionKey) = ($"{nameof(Changes)}[{i}].Text", $"{nameof(Changes)}[{i}].Version");
            var (text, version) = (Changes[i].Text?.Trim(), Changes[i].Version?.Trim());
            if (string.IsNullOrEmpty(text) && string.IsNullOrEmpty(version))
            {
                continue;
            }
            int? number = null;
            if (!string.IsNullOrEmpty(version))
            {
                if (int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && versions.Contains(n))
                {
                    number = n;
                }
                else
                {
                    ModelState.AddModelError(versionKey, $"Choose a version of the document for change {i + 1}, or none");
                }
            }
            var checkedText = ModelState.Required(textKey, text, $"Say what change {i + 1} was, or choose no version for it", OutcomeChange.TextMaxLength, $"Change {i + 1}");
            if (checkedText is not null)
            {
                changes.Add((checkedText, number));
            }
        }
        return changes;
    }

    private Task<List<int>> VersionNumbersAsync(CancellationToken cancellationToken) =>
        Db.DocumentVersions.Where(v => v.ConsultationId == Consultation.Id && v.PublishedAt != null).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(cancellationToken);

    protected override async Task OnInvalidAsync(CancellationToken cancellationToken)
    {
        Figures = new(Address, await counts.CountAsync(Consultation.Id, cancellationToken));
        var versions = await Db.DocumentVersions.Where(v => v.ConsultationId == Consultation.Id && v.PublishedAt != null).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Note }).ToListAsync(cancellationToken);
        Versions = [new GovukOption("", "No version"), .. versions.Select(v => new GovukOption(
            v.Number.ToString(CultureInfo.InvariantCulture), v.Note is null ? $"Version {v.Number}" : $"Version {v.Number}: {Shorten(v.Note)}"))];
        while (Changes.Count < MaxChanges)
        {
            Changes.Add(new ChangeInput());
        }
    }

    private static string Shorten(string note) => note.Length <= 60 ? note : string.Concat(note.AsSpan(0, 59), "…");
}
