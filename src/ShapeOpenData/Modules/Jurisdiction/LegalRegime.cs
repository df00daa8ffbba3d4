using System.ComponentModel.DataAnnotations;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// A legal (or service) clock for answering a request: how long, in what unit, how far it may be
/// extended and where to complain. Data, not code, so another jurisdiction is configuration.
/// </summary>
public sealed class LegalRegime
{
    /// <summary><c>foi</c>, <c>eir</c>, <c>rpsi</c> or <c>service</c>.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";

    /// <summary>False for the programme's own service standard, which is not a legal right.</summary>
    public bool IsFormal { get; set; }
    public int Amount { get; set; }
    public DeadlineUnit Unit { get; set; }

    /// <summary>How many more units an extension may add in total; null where the law sets no fixed limit.</summary>
    public int? ExtensionLimit { get; set; }
    public string ExtensionRule { get; set; } = "";
    public string ComplaintRoute { get; set; } = "";
    public int SortOrder { get; set; }

    public string DescribeAmount() => Unit switch
    {
        DeadlineUnit.WorkingDays => $"{Amount} working {(Amount == 1 ? "day" : "days")}",
        _ => $"{Amount} calendar {(Amount == 1 ? "month" : "months")}",
    };

    /// <summary>
    /// The reply is due <see cref="Amount"/> units after receipt, counting the day of receipt as day 0,
    /// plus any extension granted.
    /// </summary>
    public DateOnly DueOn(WorkingDayCalendar calendar, DateOnly receivedOn, int extension = 0) => Add(calendar, receivedOn, Amount + extension);

    /// <summary><paramref name="amount"/> of this regime's units after <paramref name="from"/>.</summary>
    public DateOnly Add(WorkingDayCalendar calendar, DateOnly from, int amount) => Unit switch
    {
        DeadlineUnit.WorkingDays => calendar.AddWorkingDays(from, amount),
        _ => from.AddMonths(amount),
    };
}

public enum DeadlineUnit
{
    [Display(Name = "Working days")] WorkingDays,
    [Display(Name = "Calendar months")] CalendarMonths,
}

/// <summary>A bank holiday in one division of the UK (gov.uk's three: England and Wales, Scotland, Northern Ireland).</summary>
public sealed class BankHoliday
{
    public string Division { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
}
