using System.Collections.Frozen;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// Working days: not a Saturday or Sunday, and not a bank holiday in any part of the UK. Counting is only
/// answered inside the years the bank holidays are known for, never guessed beyond them.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly FrozenSet<DateOnly> _holidays;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays)
    {
        _holidays = holidays.ToFrozenSet();
        if (_holidays.Count > 0)
        {
            FirstDay = new DateOnly(_holidays.Min().Year, 1, 1);
            LastDay = new DateOnly(_holidays.Max().Year, 12, 31);
        }
    }

    /// <summary>The first and last day bank holidays are known for: whole years.</summary>
    public DateOnly FirstDay { get; }
    public DateOnly LastDay { get; }

    public bool Covers(DateOnly date) => date >= FirstDay && date <= LastDay;

    public bool IsBankHoliday(DateOnly date) => _holidays.Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>
    /// The <paramref name="workingDays"/>th working day after <paramref name="start"/>, which is day 0
    /// whether or not it is itself a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        EnsureCovers(start);
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            EnsureCovers(date);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }
        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        EnsureCovers(from);
        EnsureCovers(to);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The weekdays that were skipped because they were bank holidays, between two dates.</summary>
    public IEnumerable<DateOnly> BankHolidaysBetween(DateOnly from, DateOnly to) =>
        _holidays.Where(d => d > from && d <= to && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Order();

    private void EnsureCovers(DateOnly date)
    {
        if (!Covers(date))
        {
            throw new DateOutsideCalendarException(FirstDay, LastDay);
        }
    }
}

/// <summary>Working days can only be counted where the bank holidays are known.</summary>
public sealed class DateOutsideCalendarException(DateOnly firstDay, DateOnly lastDay)
    : Exception($"Working days can only be counted between {firstDay:d MMMM yyyy} and {lastDay:d MMMM yyyy}.")
{
    public DateOnly FirstDay { get; } = firstDay;
    public DateOnly LastDay { get; } = lastDay;
}
