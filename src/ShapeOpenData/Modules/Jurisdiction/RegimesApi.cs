using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// <c>/api/v1/regimes</c>: the routes for asking for data as the guide "Your right to data" explains them, with the
/// deadline for a request made today, so that others can show the same rules without copying their words.
/// </summary>
public static class RegimesApi
{
    /// <param name="Code"><c>foi</c>, <c>eir</c>, <c>rpsi</c> or <c>service</c>.</param>
    /// <param name="IsFormal">False for the programme's own service standard, which is not a legal right.</param>
    /// <param name="Amount">How many units there are to reply.</param>
    /// <param name="Unit"><c>working_days</c> or <c>calendar_months</c>.</param>
    /// <param name="ExtensionLimit">How many more units an extension may add; null where the law sets no fixed limit.</param>
    /// <param name="IfAskedToday">The deadline for a request received today; null beyond the known bank holidays.</param>
    public sealed record RegimeResponse(
        string Code, string Name, string ShortName, bool IsFormal, int Amount, string Unit, int? ExtensionLimit, string ExtensionRule,
        string ComplaintRoute, string WhatCanBeAsked, string WhatSilenceMeans, ExampleResponse? IfAskedToday);

    /// <param name="AskedOn">Today, in the UK: day 0.</param>
    /// <param name="DueOn">The last day for a reply.</param>
    /// <param name="ExtendedBy">The last day for a reply with the longest extension; null where there is no fixed limit.</param>
    /// <param name="BankHolidaysSkipped">Weekday bank holidays (any UK division) not counted, up to the latest of those days.</param>
    public sealed record ExampleResponse(DateOnly AskedOn, DateOnly DueOn, DateOnly? ExtendedBy, IReadOnlyList<DateOnly> BankHolidaysSkipped);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListRegimes").WithSummary("Routes for asking for data")
            .WithDescription("Every legal regime and the programme's service standard, in the order the guide shows them, with the deadline for a request made today.");
        group.MapGet("{code}", ShowAsync).WithName("GetRegime").WithSummary("One route for asking for data");
    }

    private static async Task<Ok<List<RegimeResponse>>> ListAsync(Jurisdiction jurisdiction, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rules = await jurisdiction.GetAsync(cancellationToken);
        var today = clock.Today();
        return TypedResults.Ok(RightToDataModel.InGuideOrder(rules.Regimes).Select(r => Respond(r, rules, today)).ToList());
    }

    private static async Task<Results<Ok<RegimeResponse>, ProblemHttpResult>> ShowAsync(
        [Description("The regime's code, like foi.")] string code, Jurisdiction jurisdiction, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rules = await jurisdiction.GetAsync(cancellationToken);
        return rules.Find(code) is { } regime
            ? TypedResults.Ok(Respond(regime, rules, clock.Today()))
            : ApiModule.NotFound($"There is no regime '{code}'");
    }

    private static RegimeResponse Respond(LegalRegime r, JurisdictionRules rules, DateOnly today) =>
        new(r.Code, r.Name, r.ShortName, r.IsFormal, r.Amount, r.Unit.ToCode(), r.ExtensionLimit, r.ExtensionRule, r.ComplaintRoute,
            r.WhatCanBeAsked, r.WhatSilenceMeans,
            WorkedExample.For(r, rules, today) is { } example
                ? new ExampleResponse(example.AskedOn, example.DueOn, example.ExtendedBy, [.. example.BankHolidays.Select(h => h.Date)])
                : null);
}
