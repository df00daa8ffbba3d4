using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Search;

/// <summary>A search as typed in the page's address or the API's query: checked, with a message for each mistake, by field.</summary>
public sealed record SearchInput(string? Q, string? Type, string? Organisation, string? From, string? To)
{
    /// <summary>The query, or the mistakes (field, by its property name → message) when there are any.</summary>
    public async Task<(SearchQuery? Query, Dictionary<string, string> Errors)> CheckAsync(
        AppDbContext db, IEnumerable<string> types, int page, int pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var words = Q?.Trim() ?? "";
        if (words.Length > SearchQuery.WordsMaxLength)
        {
            errors[nameof(Q)] = $"Search for {SearchQuery.WordsMaxLength} characters or fewer";
        }
        var type = string.IsNullOrEmpty(Type) ? null : Type;
        if (type is not null && !types.Contains(type))
        {
            errors[nameof(Type)] = "Choose a type of item from the list";
        }
        int? organisationId = null;
        if (!string.IsNullOrEmpty(Organisation))
        {
            organisationId = await db.Organisations.Where(o => o.Slug == Organisation).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (organisationId is null)
            {
                errors[nameof(Organisation)] = "Choose an organisation from the list";
            }
        }
        var from = Day(From, nameof(From), "The earliest date", errors);
        var to = Day(To, nameof(To), "The latest date", errors);
        if (from > to)
        {
            errors[nameof(To)] = "The latest date must be the same as or after the earliest date";
        }
        return errors.Count > 0 ? (null, errors) : (new SearchQuery(words, type, organisationId, from, to, page, pageSize), errors);
    }

    private static DateOnly? Day(string? text, string field, string name, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[field] = $"{name} must be a real date, like 2026-03-27";
        return null;
    }
}
