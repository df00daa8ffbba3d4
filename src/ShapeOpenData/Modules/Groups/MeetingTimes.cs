using System.Globalization;

namespace ShapeOpenData.Modules.Groups;

/// <summary>
/// Meeting times between the wall clock people give and read (in the meeting's time zone) and the UTC the
/// service keeps. Summer time is the time zone database's business, not ours.
/// </summary>
public static class MeetingTimes
{
    public const string DefaultTimeZone = "Europe/London";

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The zones a meeting may be set in: the UK's, or UTC for international calls.</summary>
    public static readonly IReadOnlyList<string> TimeZones = [DefaultTimeZone, "UTC"];

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>The UTC instant of a wall-clock time, or an error when the clocks skip that time.</summary>
    public static DateTime ToUtc(DateOnly day, TimeOnly time, string timeZone, out string? problem)
    {
        var zone = Zone(timeZone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        problem = null;
        if (zone.IsInvalidTime(local))
        {
            problem = $"The clocks go forward on {day.ToString("d MMMM yyyy", British)}, so {Clock(time)} does not exist that day. Choose another time";
            return default;
        }
        // When the clocks go back an hour happens twice; the first (summer time) is meant.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    public static DateTime ToLocal(DateTime utc, string timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZone));

    /// <summary>"Tuesday 3 March 2026, 2pm to 4pm GMT", in the meeting's own time zone.</summary>
    public static string Describe(DateTime startsAt, DateTime endsAt, string timeZone)
    {
        var start = ToLocal(startsAt, timeZone);
        var end = ToLocal(endsAt, timeZone);
        var day = start.ToString("dddd d MMMM yyyy", British);
        var until = start.Date == end.Date ? Clock(TimeOnly.FromDateTime(end)) : $"{end.ToString("dddd d MMMM yyyy", British)}, {Clock(TimeOnly.FromDateTime(end))}";
        return $"{day}, {Clock(TimeOnly.FromDateTime(start))} to {until} {Abbreviation(endsAt, timeZone)}";
    }

    /// <summary>GOV.UK style: 9am, 2:30pm, midday.</summary>
    public static string Clock(TimeOnly time) => time switch
    {
        { Hour: 12, Minute: 0 } => "midday",
        { Hour: 0, Minute: 0 } => "midnight",
        _ => (time.Hour % 12 == 0 ? 12 : time.Hour % 12).ToString(CultureInfo.InvariantCulture)
            + (time.Minute == 0 ? "" : ":" + time.Minute.ToString("00", CultureInfo.InvariantCulture))
            + (time.Hour < 12 ? "am" : "pm"),
    };

    /// <summary>GMT or BST for London, UTC otherwise.</summary>
    public static string Abbreviation(DateTime utc, string timeZone) =>
        timeZone == DefaultTimeZone ? Zone(timeZone).IsDaylightSavingTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) ? "BST" : "GMT" : "UTC";
}
