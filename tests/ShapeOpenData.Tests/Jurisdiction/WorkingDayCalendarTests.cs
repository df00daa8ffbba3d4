using System.Text.Json;
using ShapeOpenData.Modules.Jurisdiction;

namespace ShapeOpenData.Tests.Jurisdiction;

/// <summary>The working-day rules themselves, on the UK bank holidays the service ships with.</summary>
[Trait("Databases", "one")]
public sealed class WorkingDayCalendarTests
{
    private static readonly HashSet<DateOnly> UkBankHolidays = LoadUnionOfDivisions();
    private static readonly WorkingDayCalendar Calendar = new(UkBankHolidays);

    [Theory]
    // The examples the programme set: Christmas, Boxing Day and both New Year holidays (Scotland's 2nd January too).
    [InlineData("2026-12-18", "2027-01-21")]
    // St Patrick's Day (Northern Ireland only), Good Friday and Easter Monday (England, Wales and Northern Ireland).
    [InlineData("2026-03-16", "2026-04-16")]
    // St Andrew's Day (Scotland only), then Christmas.
    [InlineData("2026-11-27", "2026-12-30")]
    // Received on a Saturday: counting starts on Monday, as for Friday.
    [InlineData("2026-12-19", "2027-01-21")]
    // Battle of the Boyne (Northern Ireland, moved to Monday 13 July) and Scotland's August bank holiday.
    [InlineData("2026-07-10", "2026-08-11")]
    // England and Wales's August bank holiday, a different Monday from Scotland's.
    [InlineData("2026-08-28", "2026-09-28")]
    [InlineData("2016-01-01", "2016-02-01")]
    [InlineData("2030-11-20", "2030-12-19")]
    public void TwentyWorkingDays_FollowsStatutoryCounting(string received, string due) =>
        Assert.Equal(DateOnly.Parse(due), Calendar.AddWorkingDays(DateOnly.Parse(received), 20));

    [Fact]
    public void ReceiptDay_IsDayZero()
    {
        Assert.Equal(new DateOnly(2026, 12, 18), Calendar.AddWorkingDays(new DateOnly(2026, 12, 18), 0));
        Assert.Equal(new DateOnly(2026, 12, 21), Calendar.AddWorkingDays(new DateOnly(2026, 12, 18), 1));
    }

    [Fact]
    public void BankHolidayInAnyDivision_IsNotAWorkingDay()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 3, 17)));  // Northern Ireland only
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 30))); // Scotland only
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 8, 31)));  // England and Wales, Northern Ireland
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 28))); // Saturday
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 11, 27)));
    }

    /// <summary>Every receipt date from 2016 to 2030, against a day-by-day count written independently here.</summary>
    [Fact]
    public void EveryDate2016To2030_MatchesADayByDayCount()
    {
        var checkedDates = 0;
        for (var received = new DateOnly(2016, 1, 1); received <= new DateOnly(2030, 11, 20); received = received.AddDays(1))
        {
            foreach (var days in new[] { 20, 40 })
            {
                var expected = CountByHand(received, days);
                if (expected.Year > 2030) continue;
                Assert.Equal(expected, Calendar.AddWorkingDays(received, days));
                Assert.Equal(days, Calendar.WorkingDaysBetween(received, expected));
                checkedDates++;
            }
        }
        Assert.True(checkedDates > 10_000);
    }

    [Fact]
    public void WorkingDaysBetween_CountsDaysAfterTheFirstUpToTheLast()
    {
        var friday = new DateOnly(2026, 12, 18);
        Assert.Equal(0, Calendar.WorkingDaysBetween(friday, friday));
        Assert.Equal(1, Calendar.WorkingDaysBetween(friday, new DateOnly(2026, 12, 21)));
        Assert.Equal(4, Calendar.WorkingDaysBetween(friday, new DateOnly(2026, 12, 28))); // 21–24; 25 and 28 are holidays
        Assert.Equal(-4, Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 28), friday));
    }

    [Fact]
    public void OutsideTheKnownYears_RefusesToGuess()
    {
        Assert.Equal(new DateOnly(2016, 1, 1), Calendar.FirstDay);
        Assert.Equal(new DateOnly(2030, 12, 31), Calendar.LastDay);
        var refused = Assert.Throws<DateOutsideCalendarException>(() => Calendar.AddWorkingDays(new DateOnly(2030, 12, 20), 20));
        Assert.Contains("31 December 2030", refused.Message, StringComparison.Ordinal);
        Assert.Throws<DateOutsideCalendarException>(() => Calendar.AddWorkingDays(new DateOnly(2015, 12, 31), 20));
    }

    [Fact]
    public void CalendarMonthRegime_AddsMonths()
    {
        var france = LegalRegime.Define("cada", "Accès aux documents administratifs", "CADA", true, 1, DeadlineUnit.CalendarMonths, null, "Aucune.", "La CADA.",
            new RegimeGuide("Tout document administratif.", "Le silence vaut refus."), 9);
        Assert.Equal(new DateOnly(2027, 2, 28), france.DueOn(Calendar, new DateOnly(2027, 1, 31)));
        Assert.Equal("1 calendar month", france.DescribeAmount());
    }

    private static DateOnly CountByHand(DateOnly received, int workingDays)
    {
        var date = received;
        while (workingDays > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek != DayOfWeek.Saturday && date.DayOfWeek != DayOfWeek.Sunday && !UkBankHolidays.Contains(date))
            {
                workingDays--;
            }
        }
        return date;
    }

    /// <summary>The union of the three divisions, read straight from the gov.uk-format file the service ships.</summary>
    private static HashSet<DateOnly> LoadUnionOfDivisions()
    {
        using var stream = typeof(Program).Assembly.GetManifestResourceStream("ShapeOpenData.Modules.Jurisdiction.uk-bank-holidays.seed.json")!;
        using var json = JsonDocument.Parse(stream);
        return [.. json.RootElement.EnumerateObject()
            .SelectMany(division => division.Value.GetProperty("events").EnumerateArray())
            .Select(e => DateOnly.Parse(e.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
