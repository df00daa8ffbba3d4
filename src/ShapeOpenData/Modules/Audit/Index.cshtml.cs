using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Audit;

/// <summary>
/// The audit log, for administrators and the programme team: every change, newest first, narrowed by kind of item,
/// by who made it and by the days it was made. A GET form, so every view can be bookmarked and works without JavaScript.
/// </summary>
[Authorize(Roles = $"{Roles.Administrator},{Roles.ProgrammeTeam}")]
public sealed class IndexModel(AppDbContext db, IAuditActors actors) : PageModel
{
    public const string TheService = "The service";
    private const int PersonMaxLength = 254;

    public sealed record Row(AuditEntry Entry, string Actor, IReadOnlyList<AuditField> Fields);

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public DateInput From { get; set; } = new();
    [BindProperty(SupportsGet = true)] public DateInput To { get; set; } = new();

    public IReadOnlyList<GovukOption> Types { get; private set; } = [];
    public Paged<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <param name="page">Which page of entries (the name "page" is Razor Pages' own route value, so it is read here).</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        // Sorted here, so every database lists the kinds in the same order whatever its collation.
        var types = (await db.AuditEntries.Select(e => e.EntityType).Distinct().ToListAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList();
        Types = [new("", "Any kind"), .. types.Select(t => new GovukOption(t, AuditFields.Label(t)))];
        if (Type is { Length: > 0 } && !types.Contains(Type))
        {
            ModelState.AddModelError(nameof(Type), "Select a kind of item from the list");
        }
        IReadOnlyList<int>? actorIds = null;
        if (ModelState.Optional(nameof(Person), Person, PersonMaxLength, "The email address or name") is { } person)
        {
            actorIds = await actors.FindAsync(person, cancellationToken);
            if (actorIds.Count == 0) ModelState.AddModelError(nameof(Person), "There is no one with that email address or name");
        }
        var from = From.IsEmpty ? null : From.Read(ModelState, nameof(From), "the first day to show");
        var to = To.IsEmpty ? null : To.Read(ModelState, nameof(To), "the last day to show");
        if (from > to)
        {
            ModelState.AddModelError(nameof(To), "The last day to show must be the same as or after the first day");
        }
        var pageNumber = Pagination.PageNumber(ModelState, page);
        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(Type)) entries = entries.Where(e => e.EntityType == Type);
        if (actorIds is not null) entries = entries.Where(e => e.ActorId != null && actorIds.Contains(e.ActorId.Value));
        if (from is { } first)
        {
            var start = StartOfUkDay(first);
            entries = entries.Where(e => e.At >= start);
        }
        if (to is { } last)
        {
            var end = StartOfUkDay(last.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        // Entries are added as changes happen, so the newest have the highest ids: the key orders them without a sort.
        var found = await Paging.PageAsync(entries.OrderByDescending(e => e.Id), pageNumber, Paging.DefaultPageSize, cancellationToken);
        var names = await actors.NamesAsync([.. found.Items.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value).Distinct()], cancellationToken);
        Results = new Paged<Row>(
            [.. found.Items.Select(e => new Row(e, e.ActorId is { } id ? names.GetValueOrDefault(id, $"Account {id}") : TheService, AuditFields.Of(e)))],
            found.Page, found.PageSize, found.Total);
        return Page();
    }

    private static DateTime StartOfUkDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), TimeProviderExtensions.UkTime);
}
