using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Updates;

/// <summary>
/// Posting and changing policy updates, making suggestions on them and answering those. Each change is one unit of
/// work: the change, its audit entry and the emails to the update's followers (and to a suggestion's author when it is
/// answered), saved together. The person who acted is never emailed.
/// </summary>
public sealed class UpdateWorkflow(AppDbContext db, TimeProvider clock, Following following, Notifier notifier, ServiceLinks links)
{
    public const string ItemType = ItemTypes.Update;

    public static string UrlOf(string slug) => $"/updates/{slug}";

    public static string UrlOf(string slug, int suggestionId) => $"/updates/{slug}#suggestion-{suggestionId}";

    public async Task<PolicyUpdate> PostAsync(UpdateDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        Allow(actor, details.OrganisationId);
        await RequireOrganisationAsync(details.OrganisationId, cancellationToken);
        var now = clock.UtcNow();
        var update = PolicyUpdate.Post(await FreeSlugAsync(details.Title, cancellationToken), details, actor.UserId(), now);
        return await db.InOneTransactionAsync(async () =>
        {
            db.PolicyUpdates.Add(update);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, update.Id, "posted", actor.UserId(), now, null, UpdateSnapshot.Of(update)));
            await following.FollowAsync(actor.UserId()!.Value, ItemType, update.Id, asked: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return update;
        }, cancellationToken);
    }

    /// <summary>Its text, organisation and tags; followers are told it changed.</summary>
    public async Task ChangeAsync(string slug, UpdateDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var update = await FindAsync(slug, cancellationToken);
        Allow(actor, update.OrganisationId);
        if (details.OrganisationId != update.OrganisationId && !UpdatePermissions.CanPostFor(actor, details.OrganisationId))
        {
            throw new FieldRuleException("Organisation", "You can only post updates for an organisation you publish for");
        }
        await RequireOrganisationAsync(details.OrganisationId, cancellationToken);
        var before = UpdateSnapshot.Of(update);
        var now = clock.UtcNow();
        update.Change(details, now);
        await SaveAsync(update, AuditEntry.Of(ItemType, update.Id, "changed", actor.UserId(), now, before, UpdateSnapshot.Of(update)), actor,
            new($"changed:{now.Ticks}", $"Update changed: {update.Title}", "The update you follow has been changed."), null, cancellationToken);
    }

    /// <summary>A suggestion for improvement; its author follows the update, so they hear what becomes of it.</summary>
    public async Task<Suggestion> SuggestAsync(string slug, string text, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        if (!UpdatePermissions.CanSuggest(actor))
        {
            throw new ForbiddenException("Sign in to make a suggestion");
        }
        var update = await FindAsync(slug, cancellationToken);
        var suggestion = Suggestion.Make(update.Id, FieldRuleException.Limit(text, Suggestion.TextMaxLength, "Text", "Your suggestion")
            ?? throw new FieldRuleException("Text", "Enter your suggestion"), actor.UserId()!.Value, clock.UtcNow());
        return await db.InOneTransactionAsync(async () =>
        {
            db.Suggestions.Add(suggestion);
            await db.SaveChangesAsync(cancellationToken);
            await following.FollowAsync(suggestion.AuthorId, ItemType, update.Id, asked: true, cancellationToken);
            await SaveAsync(update, AuditEntry.Of(ItemTypes.Suggestion, suggestion.Id, "suggested", actor.UserId(), suggestion.CreatedAt, null, SuggestionSnapshot.Of(suggestion)),
                actor, new($"suggestion:{suggestion.Id}", $"New suggestion on: {update.Title}", $"{actor.DisplayName()} suggests:\n\n{suggestion.Text}", suggestion.Id),
                null, cancellationToken);
            return suggestion;
        }, cancellationToken);
    }

    /// <summary>Answers a suggestion: its author is told the answer, and the update's other followers too.</summary>
    public async Task AnswerAsync(
        string slug, int suggestionId, SuggestionAnswer answer, string? reason, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var update = await FindAsync(slug, cancellationToken);
        var suggestion = await db.Suggestions.SingleOrDefaultAsync(s => s.Id == suggestionId && s.UpdateId == update.Id, cancellationToken)
            ?? throw new NotFoundException("There is no such suggestion");
        if (!UpdatePermissions.CanPostFor(actor, update.OrganisationId))
        {
            throw new ForbiddenException("Only the programme team and the update's organisation can answer its suggestions");
        }
        var before = SuggestionSnapshot.Of(suggestion);
        var now = clock.UtcNow();
        suggestion.AnswerWith(answer, reason, actor.UserId(), now);
        var said = $"The suggestion has been {answer.ToText().ToLowerInvariant()}" + (suggestion.Reason is null ? "." : $":\n\n{suggestion.Reason}");
        await SaveAsync(update, AuditEntry.Of(ItemTypes.Suggestion, suggestion.Id, "answered", actor.UserId(), now, before, SuggestionSnapshot.Of(suggestion)), actor,
            new($"answer:{suggestion.Id}:{now.Ticks}", $"Suggestion {answer.ToText().ToLowerInvariant()}: {update.Title}", $"{said}\n\nThe suggestion:\n\n{suggestion.Text}", suggestion.Id),
            suggestion.AuthorId, cancellationToken);
    }

    public async Task<PolicyUpdate> FindAsync(string slug, CancellationToken cancellationToken) =>
        await db.PolicyUpdates.Include(u => u.Tags).SingleOrDefaultAsync(u => u.Slug == slug, cancellationToken)
        ?? throw new NotFoundException("There is no such update");

    private static void Allow(ClaimsPrincipal actor, int organisationId)
    {
        if (!UpdatePermissions.CanPostFor(actor, organisationId))
        {
            throw new ForbiddenException("Only the programme team and the organisation's publishers can post its updates");
        }
    }

    private async Task RequireOrganisationAsync(int organisationId, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            throw new FieldRuleException("Organisation", "Select the organisation the update is from");
        }
    }

    /// <summary>The title as an address, with a number after it when another update has that address already.</summary>
    private async Task<string> FreeSlugAsync(string title, CancellationToken cancellationToken)
    {
        var slug = PolicyUpdate.SlugFrom(title);
        var taken = await db.PolicyUpdates.Where(u => u.Slug == slug || u.Slug.StartsWith(slug + "-")).Select(u => u.Slug).ToListAsync(cancellationToken);
        return Enumerable.Range(1, taken.Count + 1).Select(n => n == 1 ? slug : $"{slug}-{n}").First(s => !taken.Contains(s));
    }

    private sealed record News(string Key, string Subject, string Body, int? SuggestionId = null);

    /// <summary>The audit entry and the emails (to <paramref name="author"/> of a suggestion by name, then to the followers), saved with the change.</summary>
    private async Task SaveAsync(PolicyUpdate update, AuditEntry audit, ClaimsPrincipal actor, News news, int? author, CancellationToken cancellationToken)
    {
        await db.InOneTransactionAsync(async () =>
        {
            db.AuditEntries.Add(audit);
            var url = links.Absolute(news.SuggestionId is { } id ? UrlOf(update.Slug, id) : UrlOf(update.Slug));
            var scope = $"follow:{ItemType}:{update.Id}";
            if (author is { } suggester)
            {
                await notifier.NotifyAsync(new Notification($"update:{update.Id}:{news.Key}:author", $"Your suggestion has been answered: {update.Title}",
                    $"{news.Body}\n\nSee the update: {url}", scope), [suggester], actor.UserId(), cancellationToken);
            }
            await notifier.NotifyFollowersAsync(new Notification($"update:{update.Id}:{news.Key}", news.Subject, $"{news.Body}\n\nSee the update: {url}", scope),
                new FollowableItem(ItemType, update.Id), actor.UserId(), except: author is { } told ? [told] : null, cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }
}

/// <summary>The update as the audit log keeps it.</summary>
public sealed record UpdateSnapshot(string Slug, string Title, string Summary, string Body, int OrganisationId, IReadOnlyList<string> Tags)
{
    public static UpdateSnapshot Of(PolicyUpdate u) => new(u.Slug, u.Title, u.Summary, u.Body, u.OrganisationId, [.. u.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)]);
}

/// <summary>The suggestion as the audit log keeps it: what was suggested and how it was answered.</summary>
public sealed record SuggestionSnapshot(int UpdateId, string Text, string? Answer, string? Reason)
{
    public static SuggestionSnapshot Of(Suggestion s) => new(s.UpdateId, s.Text, s.Answer?.ToCode(), s.Reason);
}
