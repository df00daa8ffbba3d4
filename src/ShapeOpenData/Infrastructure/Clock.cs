namespace ShapeOpenData.Infrastructure;

public static class TimeProviderExtensions
{
    /// <summary>Today in the jurisdiction's legal time zone: deadlines are counted in UK days.</summary>
    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), UkTime).DateTime);

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    public static DateTime ToUkTime(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);

    /// <summary>The UK clock time, written the GOV.UK way: <c>4:07pm</c>.</summary>
    public static string ToUkClockTime(this DateTime utc) =>
        utc.ToUkTime().ToString("h:mmtt", System.Globalization.CultureInfo.InvariantCulture).ToLowerInvariant();

    public static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
