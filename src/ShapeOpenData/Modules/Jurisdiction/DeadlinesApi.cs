using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary><c>GET /api/v1/deadlines?regime=foi&amp;received=2026-12-18</c>: the public deadline calculator.</summary>
public static class DeadlinesApi
{
    /// <param name="Regime">The regime's code.</param>
    /// <param name="RegimeName">The regime's full name.</param>
    /// <param name="ReceivedOn">The day of receipt: day 0.</param>
    /// <param name="DueOn">The last day for a reply.</param>
    /// <param name="Amount">How many units the regime allows.</param>
    /// <param name="Unit"><c>working_days</c> or <c>calendar_months</c>.</param>
    /// <param name="BankHolidaysSkipped">Weekday bank holidays (any UK division) that were not counted.</param>
    public sealed record DeadlineResponse(
        string Regime, string RegimeName, DateOnly ReceivedOn, DateOnly DueOn, int Amount, string Unit,
        IReadOnlyList<DateOnly> BankHolidaysSkipped);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", GetAsync)
            .WithName("GetDeadline")
            .WithSummary("When a reply is due")
            .WithDescription("The due date for a request received on a day under a regime (foi, eir, rpsi or service). " +
                             "The day of receipt is day 0; working days exclude weekends and bank holidays anywhere in the UK.");

    private static async Task<Results<Ok<DeadlineResponse>, ValidationProblem>> GetAsync(
        [Description("Required. The regime's code: foi, eir, rpsi or service.")] string? regime,
        [Description("Required. The day the request was received, as YYYY-MM-DD.")] string? received,
        Jurisdiction jurisdiction, CancellationToken cancellationToken)
    {
        var rules = await jurisdiction.GetAsync(cancellationToken);
        var codes = string.Join(", ", rules.Regimes.Select(r => r.Code));
        if (string.IsNullOrWhiteSpace(regime))
        {
            return ApiModule.Invalid("regime", $"Give a regime: one of {codes}");
        }
        if (rules.Find(regime.Trim().ToLowerInvariant()) is not { } found)
        {
            return ApiModule.Invalid("regime", $"'{regime}' is not a regime: use one of {codes}");
        }
        if (!DateOnly.TryParseExact(received, "yyyy-MM-dd", out var receivedOn))
        {
            return ApiModule.Invalid("received", "Give the date received as YYYY-MM-DD, like 2026-12-18");
        }
        try
        {
            var dueOn = found.DueOn(rules.Calendar, receivedOn);
            return TypedResults.Ok(new DeadlineResponse(
                found.Code, found.Name, receivedOn, dueOn, found.Amount, found.Unit.ToCode(),
                [.. rules.Calendar.BankHolidaysBetween(receivedOn, dueOn)]));
        }
        catch (DateOutsideCalendarException outside)
        {
            return ApiModule.Invalid("received", outside.Message);
        }
    }
}
