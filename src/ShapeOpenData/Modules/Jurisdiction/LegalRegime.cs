using System.ComponentModel.DataAnnotations;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// A legal (or service) clock for answering a request: how long, in what unit, how far it may be
/// extended and where to complain. Data, not code, so another jurisdiction is configuration.
/// </summary>
public sealed class LegalRegime
{
    public const int MostUnits = 365;
    public const int TextMaxLength = 1000;

    /// <summary><c>foi</c>, <c>eir</c>, <c>rpsi</c> or <c>service</c>.</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string ShortName { get; init; } = "";

    /// <summary>False for the programme's own service standard, which is not a legal right.</summary>
    public bool IsFormal { get; init; }
    public int Amount { get; private set; }
    public DeadlineUnit Unit { get; init; }

    /// <summary>How many more units an extension may add in total; null where the law sets no fixed limit.</summary>
    public int? ExtensionLimit { get; private set; }
    public string ExtensionRule { get; private set; } = "";
    public string ComplaintRoute { get; private set; } = "";

    /// <summary>What someone may ask for under it, in plain English, for the public guide to the right to data.</summary>
    public string WhatCanBeAsked { get; private set; } = "";

    /// <summary>What it means, and what to do, when the body does not answer in time.</summary>
    public string WhatSilenceMeans { get; private set; } = "";
    public int SortOrder { get; init; }

    /// <summary>A regime as the seed or configuration gives it, checked as an administrator's change is.</summary>
    public static LegalRegime Define(
        string code, string name, string shortName, bool isFormal, int amount, DeadlineUnit unit, int? extensionLimit,
        string extensionRule, string complaintRoute, RegimeGuide guide, int sortOrder)
    {
        var regime = new LegalRegime { Code = code, Name = name, ShortName = shortName, IsFormal = isFormal, Unit = unit, SortOrder = sortOrder };
        regime.Change(amount, extensionLimit, extensionRule, complaintRoute, guide);
        return regime;
    }

    /// <summary>An administrator's change: how long there is to reply, the extension limit and the words people read.</summary>
    public void Change(int amount, int? extensionLimit, string extensionRule, string complaintRoute, RegimeGuide guide)
    {
        Require(amount is >= 1 and <= MostUnits, $"How long there is to reply must be from 1 to {MostUnits}");
        Require(extensionLimit is null or (>= 0 and <= MostUnits), $"The extension limit must be from 0 to {MostUnits}");
        RequireText(extensionRule, "The extension rule");
        RequireText(complaintRoute, "The complaint route");
        RequireText(guide.WhatCanBeAsked, "What can be asked");
        RequireText(guide.WhatSilenceMeans, "What silence means");
        (Amount, ExtensionLimit, ExtensionRule, ComplaintRoute) = (amount, extensionLimit, extensionRule.Trim(), complaintRoute.Trim());
        (WhatCanBeAsked, WhatSilenceMeans) = (guide.WhatCanBeAsked.Trim(), guide.WhatSilenceMeans.Trim());
    }

    /// <summary>The words the public guide shows for it.</summary>
    public RegimeGuide Guide => new(WhatCanBeAsked, WhatSilenceMeans);

    private static void RequireText(string text, string what) =>
        Require(text.Trim().Length is > 0 and <= TextMaxLength, $"{what} must be 1 to {TextMaxLength} characters");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RuleException(message);
        }
    }

    public string DescribeAmount() => Describe(Amount);

    /// <summary>An amount of this regime's units in words, like "20 working days".</summary>
    public string Describe(int amount) => Unit switch
    {
        DeadlineUnit.WorkingDays => $"{amount} working {(amount == 1 ? "day" : "days")}",
        _ => $"{amount} calendar {(amount == 1 ? "month" : "months")}",
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

/// <summary>What a regime lets people ask for, and what a body's silence means under it: the guide's plain-English words.</summary>
public sealed record RegimeGuide(string WhatCanBeAsked, string WhatSilenceMeans);

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
