using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// The three boxes of the GOV.UK date input, bound as typed so a mistake is shown back as it was entered.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(DateOnly date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Reads the date, or adds the GOV.UK message for what is wrong to <paramref name="modelState"/>.
    /// </summary>
    /// <param name="description">How the question names the date, like "the date the request was received".</param>
    public DateOnly? Read(ModelStateDictionary modelState, string key, string description)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day)) missing.Add("day");
        if (string.IsNullOrWhiteSpace(Month)) missing.Add("month");
        if (string.IsNullOrWhiteSpace(Year)) missing.Add("year");

        var sentence = char.ToUpperInvariant(description[0]) + description[1..];
        string? error = missing.Count switch
        {
            3 => $"Enter {description}",
            > 0 => $"{sentence} must include a {string.Join(" and ", missing)}",
            _ => null,
        };
        if (error is null)
        {
            if (TryParse(out var date))
            {
                return date;
            }
            error = $"{sentence} must be a real date";
        }
        modelState.AddModelError(key, error);
        return null;
    }

    private bool TryParse(out DateOnly date)
    {
        date = default;
        return int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 9999 && month is >= 1 and <= 12
            && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && (date = new DateOnly(year, month, day)) != default;
    }
}
