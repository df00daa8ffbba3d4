using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations.Pages.Versions;

/// <summary>
/// Any two versions compared, section by section: sections added, removed and changed, the words inserted and deleted
/// within each, and the unchanged text. Versions that do not exist are a mistake in the address, shown as one (400).
/// </summary>
public sealed class CompareModel(AppDbContext db, TimeProvider clock) : VersionPage(db, clock)
{
    public int From { get; private set; }
    public int To { get; private set; }
    public IReadOnlyList<SectionDiff> Sections { get; private set; } = [];

    /// <summary>The notes of the versions after the earlier one, up to the later one: what the team said changed.</summary>
    public IReadOnlyList<VersionRow> Notes { get; private set; } = [];

    public CompareForm Form => new(Address, Versions, From, To);

    public int Count(SectionChange change) => Sections.Count(s => s.Change == change);

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] string? from, [FromQuery] string? to, CancellationToken cancellationToken)
    {
        if (!await LoadVersionsAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        (From, To) = (Math.Max(1, Latest - 1), Latest);
        var (first, second) = (Read("from", from, From), Read("to", to, To));
        if (Versions.Count < 2)
        {
            ModelState.AddModelError("", "There is only one version of the document so far: there is nothing to compare it with");
        }
        else if (first is not null && first == second)
        {
            ModelState.AddModelError("to", "Choose two different versions to compare");
        }
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }
        (From, To) = (first!.Value, second!.Value);
        var (earlier, later) = (await VersionAsync(From, cancellationToken), await VersionAsync(To, cancellationToken));
        Sections = DocumentDiff.Compare(earlier!.Sections, later!.Sections);
        Notes = [.. Versions.Where(v => v.Number > Math.Min(From, To) && v.Number <= Math.Max(From, To))];
        return Page();
    }

    /// <summary>The version named in the address, or <paramref name="otherwise"/> when none is; null with an error when there is no such version.</summary>
    private int? Read(string key, string? given, int otherwise)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return otherwise;
        }
        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Versions.Any(v => v.Number == number))
        {
            return number;
        }
        ModelState.AddModelError(key, Latest == 1 ? "There is only version 1" : $"Choose a version from 1 to {Latest}");
        return null;
    }
}
