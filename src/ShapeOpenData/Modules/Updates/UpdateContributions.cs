using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates;

/// <summary>How updates plug into the rest: followed, commented on, their suggestions traced as inputs and counted on an organisation's record.</summary>
internal static class UpdateContributions
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<UpdateItems>();
        services.AddScoped<IFollowable>(s => s.GetRequiredService<UpdateItems>());
        services.AddSingleton<ISearchSource, UpdateSearch>();
        services.AddScoped<ICommentable>(s => s.GetRequiredService<UpdateItems>());
        services.AddScoped<ITraceable, SuggestionTraces>();
        services.AddScoped<ICountable, SuggestionFigures>();
    }
}

/// <summary>
/// Updates are public: anyone may follow one, and anyone signed in may comment; the programme team's and the update's
/// organisation's comments are marked as official answers.
/// </summary>
internal sealed class UpdateItems(AppDbContext db) : IFollowable, ICommentable
{
    public string Type => ItemTypes.Update;

    public Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        db.PolicyUpdates.AnyAsync(u => u.Id == id, cancellationToken);

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await db.PolicyUpdates.Where(u => u.Id == id).Select(u => new { u.Slug, u.Title }).SingleOrDefaultAsync(cancellationToken) is { } u
            ? (u.Title, UpdateWorkflow.UrlOf(u.Slug))
            : null;

    public async Task<CommentableItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken) =>
        await db.PolicyUpdates.Where(u => u.Id == id).Select(u => new { u.Slug, u.Title, u.OrganisationId }).SingleOrDefaultAsync(cancellationToken) is { } u
            ? new CommentableItem(u.Title, UpdateWorkflow.UrlOf(u.Slug), reader.IsSignedIn(), UpdatePermissions.CanPostFor(reader, u.OrganisationId))
            : null;
}

/// <summary>
/// Suggestions for improvement as inputs of a traceability link, known as "suggestion 12" or by their address
/// (<c>/updates/{slug}#suggestion-12</c>), standing as their answer.
/// </summary>
internal sealed class SuggestionTraces(AppDbContext db) : ITraceable
{
    private const string Anchor = "#suggestion-";
    private const int TitleLength = 100;

    public string Type => ItemTypes.Suggestion;

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await TracedAsync(db.Suggestions.AsNoTracking().Where(s => ids.Contains(s.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var number = text.Contains(Anchor, StringComparison.Ordinal) ? text[(text.LastIndexOf(Anchor, StringComparison.Ordinal) + Anchor.Length)..]
            : text.StartsWith("suggestion ", StringComparison.OrdinalIgnoreCase) ? text["suggestion ".Length..]
            : "";
        return int.TryParse(number.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (await TracedAsync(db.Suggestions.AsNoTracking().Where(s => s.Id == id), cancellationToken)).FirstOrDefault()
            : null;
    }

    private async Task<List<TracedItem>> TracedAsync(IQueryable<Suggestion> suggestions, CancellationToken cancellationToken) =>
        [.. (await (from s in suggestions
                    join u in db.PolicyUpdates on s.UpdateId equals u.Id
                    select new { s.Id, s.Text, s.Answer, u.Slug }).ToListAsync(cancellationToken))
            .Select(s => new TracedItem(ItemTypes.Suggestion, s.Id, $"suggestion {s.Id}", s.Text.Length <= TitleLength ? s.Text : s.Text[..(TitleLength - 1)] + "…",
                UpdateWorkflow.UrlOf(s.Slug, s.Id), s.Answer is { } answer ? Infrastructure.Codes.ToText(answer).ToLowerInvariant() : "not answered yet"))];
}

/// <summary>An organisation's record on suggestions for improvement: how many its updates received, and how many it adopted.</summary>
internal sealed class SuggestionFigures(AppDbContext db) : ICountable
{
    public async Task<IReadOnlyList<Figure>> CountAsync(CountScope? scope, CancellationToken cancellationToken)
    {
        var received = db.Suggestions.Where(s => db.PolicyUpdates.Any(u => u.Id == s.UpdateId && (scope == null || u.OrganisationId == scope.OrganisationId)));
        var total = await received.CountAsync(cancellationToken);
        var adopted = await received.CountAsync(s => s.Answer == SuggestionAnswer.Adopted, cancellationToken);
        return
        [
            new(95, "Suggestions received on policy updates", total == 0 ? "None" : $"{total:N0}, {adopted:N0} adopted",
                scope is null ? "/updates" : $"/updates?organisation={scope.OrganisationSlug}", "suggestions for improvement"),
        ];
    }
}
