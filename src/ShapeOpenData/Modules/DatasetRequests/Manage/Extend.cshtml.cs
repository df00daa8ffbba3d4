using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.DatasetRequests.Manage;

/// <summary>Moves the deadline, within the regime's limit, with a public reason.</summary>
public sealed class ExtendModel(RequestQueries queries, RequestWorkflow workflow, Jurisdiction.Jurisdiction jurisdiction) : ManagePage(queries)
{
    [BindProperty] public string? Days { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Jurisdiction.LegalRegime Regime { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        await LoadRegimeAsync(cancellationToken);
        return refused ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        int days = 0;
        if (!int.TryParse(Days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > 365)
        {
            ModelState.AddModelError(nameof(Days), "Enter the number of days to extend by, as a whole number from 1 to 365");
        }
        var reason = ModelState.Required(nameof(Reason), Reason, "Give the reason for the extension", DatasetRequest.ReasonMaxLength, "The reason");
        var result = await RunAsync(id, "The deadline has been extended", () => workflow.ExtendAsync(id, User, days, reason!, cancellationToken),
            cancellationToken, nameof(Days));
        await LoadRegimeAsync(cancellationToken);
        return result;
    }

    private async Task LoadRegimeAsync(CancellationToken cancellationToken)
    {
        if (DatasetRequest is null) return;
        var rules = await jurisdiction.GetAsync(cancellationToken);
        Regime = rules.Find(DatasetRequest.RegimeCode) ?? rules.ServiceStandard;
    }
}
