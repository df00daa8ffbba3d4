using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// Changes how long a regime allows, its extension limit, its complaint route and the words the public guide shows
/// for it; each change is audited.
/// </summary>
[Authorize(Policy = JurisdictionPermissions.ManagePolicy)]
public sealed class RegimeModel(AppDbContext db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public LegalRegime Regime { get; private set; } = null!;

    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? ExtensionLimit { get; set; }
    [BindProperty] public string? ExtensionRule { get; set; }
    [BindProperty] public string? ComplaintRoute { get; set; }
    [BindProperty] public string? WhatCanBeAsked { get; set; }
    [BindProperty] public string? WhatSilenceMeans { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await db.LegalRegimes.FindAsync([code], cancellationToken) is not { } regime)
        {
            return NotFound();
        }
        Regime = regime;
        Amount = regime.Amount.ToString(CultureInfo.InvariantCulture);
        ExtensionLimit = regime.ExtensionLimit?.ToString(CultureInfo.InvariantCulture);
        ExtensionRule = regime.ExtensionRule;
        ComplaintRoute = regime.ComplaintRoute;
        (WhatCanBeAsked, WhatSilenceMeans) = (regime.WhatCanBeAsked, regime.WhatSilenceMeans);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await db.LegalRegimes.FindAsync([code], cancellationToken) is not { } regime)
        {
            return NotFound();
        }
        Regime = regime;
        var amount = WholeNumber(nameof(Amount), Amount, "how long there is to reply", 1, LegalRegime.MostUnits, required: true);
        var limit = WholeNumber(nameof(ExtensionLimit), ExtensionLimit, "the extension limit", 0, LegalRegime.MostUnits, required: false);
        var rule = ModelState.Required(nameof(ExtensionRule), ExtensionRule, "Enter the extension rule", LegalRegime.TextMaxLength, "The extension rule");
        var route = ModelState.Required(nameof(ComplaintRoute), ComplaintRoute, "Enter the complaint route", LegalRegime.TextMaxLength, "The complaint route");
        var asked = ModelState.Required(nameof(WhatCanBeAsked), WhatCanBeAsked, "Enter what can be asked", LegalRegime.TextMaxLength, "What can be asked");
        var silence = ModelState.Required(nameof(WhatSilenceMeans), WhatSilenceMeans, "Enter what silence means", LegalRegime.TextMaxLength, "What silence means");
        return await this.ChangeAsync(async () =>
        {
            var before = RegimeSnapshot.Of(regime);
            regime.Change(amount!.Value, limit, rule!, route!, new RegimeGuide(asked!, silence!));
            // A regime is keyed by its code, which its snapshots name; the entry's number is 0.
            db.AuditEntries.Add(AuditEntry.Of(JurisdictionModule.RegimeItemType, 0, "changed", User.UserId(), clock.UtcNow(), before, RegimeSnapshot.Of(regime)));
            await db.SaveChangesAsync(cancellationToken);
            jurisdiction.Invalidate();
            return new Changed("/admin/calendar", $"{regime.Name} has been saved. New deadlines use it from now on");
        }, nameof(Amount));
    }

    private int? WholeNumber(string key, string? value, string what, int min, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) ModelState.AddModelError(key, $"Enter {what}");
            return null;
        }
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            ModelState.AddModelError(key, $"Enter {what} as a whole number from {min} to {max}");
            return null;
        }
        return number;
    }
}

/// <summary>A regime as the audit log records it, before and after an administrator's change.</summary>
public sealed record RegimeSnapshot(
    string Code, string Name, int Amount, string Unit, int? ExtensionLimit, string ExtensionRule, string ComplaintRoute, string WhatCanBeAsked, string WhatSilenceMeans)
{
    public static RegimeSnapshot Of(LegalRegime r) =>
        new(r.Code, r.Name, r.Amount, r.Unit.ToCode(), r.ExtensionLimit, r.ExtensionRule, r.ComplaintRoute, r.WhatCanBeAsked, r.WhatSilenceMeans);
}
