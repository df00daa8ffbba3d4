namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// "If you ask today, the body must answer by …": a regime's deadline counted from today with the working-day
/// calendar, with its longest extension where the regime sets a fixed limit, and the bank holidays that were not
/// counted. The guide shows it so that people see the rule at work on a real date, not only its wording.
/// </summary>
/// <param name="ExtendedBy">The latest reply with the longest extension; null where the regime sets no fixed limit.</param>
/// <param name="BankHolidays">Weekday bank holidays skipped in the period (to the extended date when there is one).</param>
public sealed record WorkedExample(
    DateOnly AskedOn, DateOnly DueOn, DateOnly? ExtendedBy, IReadOnlyList<(DateOnly Date, string Name)> BankHolidays)
{
    /// <summary>The example for asking on <paramref name="today"/>, or null when the calendar does not reach that far.</summary>
    public static WorkedExample? For(LegalRegime regime, JurisdictionRules rules, DateOnly today)
    {
        try
        {
            var dueOn = regime.DueOn(rules.Calendar, today);
            DateOnly? extendedBy = regime.ExtensionLimit is int limit and > 0 ? regime.DueOn(rules.Calendar, today, limit) : null;
            // Calendar months are not counted in working days, so no bank holiday is skipped.
            var holidays = regime.Unit != DeadlineUnit.WorkingDays ? []
                : rules.Calendar.BankHolidaysBetween(today, extendedBy ?? dueOn).Select(d => (d, rules.BankHolidayNames[d])).ToList();
            return new WorkedExample(today, dueOn, extendedBy, holidays);
        }
        catch (DateOutsideCalendarException)
        {
            return null;
        }
    }
}
