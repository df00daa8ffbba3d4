using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Jurisdiction;

/// <summary>The calendar and legal regimes in force, read from the database.</summary>
public sealed class JurisdictionRules(
    WorkingDayCalendar calendar, IReadOnlyList<LegalRegime> regimes, IReadOnlyDictionary<DateOnly, string> bankHolidayNames)
{
    private readonly FrozenDictionary<string, LegalRegime> _byCode = regimes.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    public WorkingDayCalendar Calendar { get; } = calendar;

    /// <summary>In the order they are offered to people.</summary>
    public IReadOnlyList<LegalRegime> Regimes { get; } = [.. regimes.OrderBy(r => r.SortOrder)];

    /// <summary>What each bank holiday is, and where in the UK, like "St Patrick's Day (Northern Ireland)".</summary>
    public IReadOnlyDictionary<DateOnly, string> BankHolidayNames { get; } = bankHolidayNames;

    public LegalRegime? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var regime) ? regime : null;

    public LegalRegime ServiceStandard => _byCode[JurisdictionModule.ServiceStandard];
}

/// <summary>
/// Keeps the rules in memory: every deadline on every page needs them, and they change only when an
/// administrator edits them. This instance reloads at once after an edit; other instances within minutes.
/// </summary>
public sealed class Jurisdiction(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan ReloadAfter = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (JurisdictionRules Rules, DateTimeOffset LoadedAt)? _current;

    public async Task<JurisdictionRules> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current && clock.GetUtcNow() - current.LoadedAt < ReloadAfter)
        {
            return current.Rules;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && clock.GetUtcNow() - loaded.LoadedAt < ReloadAfter)
            {
                return loaded.Rules;
            }
            var rules = await LoadAsync(cancellationToken);
            _current = (rules, clock.GetUtcNow());
            return rules;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _current = null;

    public void Dispose() => _loading.Dispose();

    private async Task<JurisdictionRules> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var holidays = await db.BankHolidays.AsNoTracking().ToListAsync(cancellationToken);
        var regimes = await db.LegalRegimes.AsNoTracking().ToListAsync(cancellationToken);
        var names = holidays.GroupBy(h => h.Date).ToDictionary(day => day.Key, NameOf);
        return new JurisdictionRules(new WorkingDayCalendar(names.Keys), regimes, names);
    }

    private static string NameOf(IEnumerable<BankHoliday> sameDay)
    {
        var holidays = sameDay.ToList();
        var titles = string.Join(" / ", holidays.Select(h => h.Title).Distinct());
        return holidays.Count == BankHolidayImport.Divisions.Count
            ? titles
            : $"{titles} ({string.Join(", ", holidays.Select(h => BankHolidayImport.DivisionName(h.Division)))})";
    }
}
