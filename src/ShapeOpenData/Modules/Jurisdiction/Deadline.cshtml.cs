using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>The public deadline calculator. A GET form, so an answer can be bookmarked and shared.</summary>
public sealed class DeadlineModel(Jurisdiction jurisdiction) : PageModel
{
    public sealed record Answer(LegalRegime Regime, DateOnly ReceivedOn, DateOnly DueOn, IReadOnlyList<(DateOnly Date, string Name)> BankHolidays);

    [BindProperty(SupportsGet = true)] public string? Regime { get; set; }
    [BindProperty(SupportsGet = true)] public DateInput Received { get; set; } = new();

    public IReadOnlyList<GovukOption> Regimes { get; private set; } = [];
    public Answer? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var rules = await jurisdiction.GetAsync(cancellationToken);
        Regimes = [.. rules.Regimes.Select(r => new GovukOption(r.Code, r.Name, $"{r.DescribeAmount()} to reply"))];
        if (Request.Query.Count == 0)
        {
            return Page();
        }

        var regime = rules.Find(Regime);
        if (regime is null)
        {
            ModelState.AddModelError(nameof(Regime), "Select the kind of request");
        }
        var receivedOn = Received.Read(ModelState, nameof(Received), "the date the request was received");
        if (regime is null || receivedOn is null)
        {
            return this.Invalid();
        }
        try
        {
            var dueOn = regime.DueOn(rules.Calendar, receivedOn.Value);
            var holidays = rules.Calendar.BankHolidaysBetween(receivedOn.Value, dueOn).Select(d => (d, rules.BankHolidayNames[d])).ToList();
            Result = new Answer(regime, receivedOn.Value, dueOn, holidays);
            return Page();
        }
        catch (DateOutsideCalendarException outside)
        {
            ModelState.AddModelError(nameof(Received), outside.Message.TrimEnd('.'));
            return this.Invalid();
        }
    }
}
