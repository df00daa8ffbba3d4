using Microsoft.AspNetCore.Mvc.RazorPages;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// The public guide to the routes for asking for data and what public bodies must do in answer. Every route's words
/// and figures come from the regimes table, and each has a worked example from today's date, so the guide changes
/// when an administrator changes a regime and never goes stale.
/// </summary>
public sealed class RightToDataModel(Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    /// <summary>A route as the guide explains it: the regime and its example from today, null outside the calendar.</summary>
    public sealed record Route(LegalRegime Regime, WorkedExample? Example);

    public IReadOnlyList<Route> Routes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rules = await jurisdiction.GetAsync(cancellationToken);
        var today = clock.Today();
        Routes = [.. InGuideOrder(rules.Regimes).Select(r => new Route(r, WorkedExample.For(r, rules, today)))];
    }

    /// <summary>The legal rights first, then the programme's own promise.</summary>
    public static IEnumerable<LegalRegime> InGuideOrder(IEnumerable<LegalRegime> regimes) =>
        regimes.OrderBy(r => r.IsFormal ? 0 : 1).ThenBy(r => r.SortOrder);
}
