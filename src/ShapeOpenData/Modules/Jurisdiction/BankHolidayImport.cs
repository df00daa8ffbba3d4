using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Audit;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>
/// Reads bank holidays in the gov.uk feed format (https://www.gov.uk/bank-holidays.json):
/// <c>{ "england-and-wales": { "division": …, "events": [ { "title", "date", … } ] }, "scotland": …, "northern-ireland": … }</c>,
/// adding days not yet known and correcting titles. Nothing is removed, so an import can only add knowledge.
/// An administrator's import is audited in the same save: the days it added or corrected, before and after.
/// </summary>
public static class BankHolidayImport
{
    public static readonly IReadOnlyList<string> Divisions = ["england-and-wales", "scotland", "northern-ireland"];

    public static string DivisionName(string division) => division switch
    {
        "england-and-wales" => "England and Wales",
        "scotland" => "Scotland",
        "northern-ireland" => "Northern Ireland",
        _ => division,
    };

    public sealed record Result(int Added, int Updated, int Total);

    /// <summary>Who imports, and when: for the audit entry.</summary>
    public sealed record Importer(int? ActorId, DateTime At);

    private sealed record Feed(string? Division, List<Event>? Events);
    private sealed record Event(string? Title, string? Date);

    /// <param name="importer">Who is importing, for the audit log; null writes no entry.</param>
    /// <exception cref="InvalidDataException">The file is not in the gov.uk format; the message says why.</exception>
    public static async Task<Result> ImportAsync(AppDbContext db, Stream json, Importer? importer, CancellationToken cancellationToken)
    {
        var incoming = await ReadAsync(json, cancellationToken);
        var known = await db.BankHolidays.ToDictionaryAsync(h => (h.Division, h.Date), cancellationToken);
        var (before, after) = (new List<HolidaySnapshot>(), new List<HolidaySnapshot>());
        int added = 0, updated = 0;
        foreach (var holiday in incoming)
        {
            if (!known.TryGetValue((holiday.Division, holiday.Date), out var existing))
            {
                db.BankHolidays.Add(holiday);
                after.Add(HolidaySnapshot.Of(holiday));
                added++;
            }
            else if (existing.Title != holiday.Title)
            {
                before.Add(HolidaySnapshot.Of(existing));
                existing.Title = holiday.Title;
                after.Add(HolidaySnapshot.Of(existing));
                updated++;
            }
        }
        if (importer is not null)
        {
            db.AuditEntries.Add(AuditEntry.Of(JurisdictionModule.CalendarItemType, 0, "imported", importer.ActorId, importer.At,
                new CalendarSnapshot(known.Count, before), new CalendarSnapshot(known.Count + added, after)));
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Result(added, updated, incoming.Count);
    }

    private static async Task<List<BankHoliday>> ReadAsync(Stream json, CancellationToken cancellationToken)
    {
        Dictionary<string, Feed>? feeds;
        try
        {
            feeds = await JsonSerializer.DeserializeAsync<Dictionary<string, Feed>>(json, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            throw new InvalidDataException("The file is not JSON in the gov.uk bank holidays format");
        }
        if (feeds is null || !Divisions.All(feeds.ContainsKey))
        {
            throw new InvalidDataException("The file must have bank holidays for england-and-wales, scotland and northern-ireland");
        }

        var holidays = new List<BankHoliday>();
        foreach (var division in Divisions)
        {
            foreach (var (holiday, index) in (feeds[division].Events ?? []).Select((e, i) => (e, i)))
            {
                if (string.IsNullOrWhiteSpace(holiday.Title) || !DateOnly.TryParseExact(holiday.Date, "yyyy-MM-dd", out var date))
                {
                    throw new InvalidDataException($"Event {index + 1} for {division} needs a title and a date like 2027-01-01");
                }
                holidays.Add(new BankHoliday { Division = division, Date = date, Title = holiday.Title.Trim() });
            }
        }
        if (holidays.Count == 0)
        {
            throw new InvalidDataException("The file has no bank holidays in it");
        }
        return holidays;
    }
}

/// <summary>The calendar as an import's audit entry records it: how many bank holidays it knows, and the days the import added or corrected.</summary>
public sealed record CalendarSnapshot(int BankHolidays, IReadOnlyList<HolidaySnapshot> Days);

public sealed record HolidaySnapshot(string Division, DateOnly Date, string Title)
{
    public static HolidaySnapshot Of(BankHoliday h) => new(h.Division, h.Date, h.Title);
}
