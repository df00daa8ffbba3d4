using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>Consultations open and close by the UK's calendar, whatever the server's time zone.</summary>
public static class ConsultationTimes
{
    /// <summary>Midnight at the end of <paramref name="day"/> in the UK, as UTC (23:00 UTC in summer time).</summary>
    public static DateTime EndOfUkDay(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(midnight, TimeProviderExtensions.UkTime);
    }

    /// <summary>
    /// The UK day a consultation closed on: a close at the end of its closing day (midnight, the first instant of the
    /// next day) still belongs to the closing day.
    /// </summary>
    public static DateOnly ClosedOn(DateTime closedAt) => DateOnly.FromDateTime(closedAt.AddTicks(-1).ToUkTime());
}
