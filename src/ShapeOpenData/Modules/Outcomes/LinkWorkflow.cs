using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Outcomes;

/// <summary>What someone asks to link: each item by its kind and how people name it (a key, an address or a title).</summary>
public sealed record LinkRequest(string? InputType, string? InputReference, string? OutcomeType, string? OutcomeReference, string? Reason);

/// <summary>
/// Linking an input to an outcome, and removing such a link. The programme team may link anything; otherwise only the
/// outcome's owner, as its module says (a commitment's lead organisation, a dataset's publisher). Each change is one
/// unit of work: the link, its audit entry and the emails to the followers of both items.
/// </summary>
public sealed class LinkWorkflow(
    AppDbContext db, Items items, IEnumerable<IOutcomeKind> outcomeKinds, TimeProvider clock, Following following, Notifier notifier, ServiceLinks links)
{
    public const string ItemType = "outcome_link";
    public const string ChooseInput = "Select what kind of thing led to it";
    public const string ChooseOutcome = "Select what kind of outcome it led to";

    /// <summary>Whether <paramref name="person"/> may link anything at all: the programme team, or those who may own an outcome.</summary>
    public static bool MayLinkSome(ClaimsPrincipal person) => person.IsProgrammeTeam() || person.PublisherOrganisations().Count > 0;

    public IReadOnlyList<IOutcomeKind> OutcomeKinds => [.. outcomeKinds.OrderBy(k => ItemTypes.NameOf(k.Type), StringComparer.Ordinal)];

    /// <summary>The kinds of item that can lead somewhere: every traceable kind that is not an outcome.</summary>
    public IReadOnlyList<string> InputTypes =>
        [.. items.TraceableTypes.Except(outcomeKinds.Select(k => k.Type)).Where(t => t != ItemTypes.Organisation).OrderBy(ItemTypes.NameOf, StringComparer.Ordinal)];

    public async Task<bool> MayLinkToAsync(ItemRef outcome, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        person.IsProgrammeTeam()
        || (outcomeKinds.SingleOrDefault(k => k.Type == outcome.Type) is { } kind && await kind.IsOwnedByAsync(outcome.Id, person, cancellationToken));

    public async Task<OutcomeLink> LinkAsync(LinkRequest asked, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        if (!MayLinkSome(actor))
        {
            throw new ForbiddenException("Only the programme team and publishers can link what led to an outcome");
        }
        var outcome = await FindAsync(asked.OutcomeType, asked.OutcomeReference, OutcomeKinds.Select(k => k.Type), "Outcome", cancellationToken);
        var input = await FindAsync(asked.InputType, asked.InputReference, InputTypes, "Input", cancellationToken);
        if (!await MayLinkToAsync(new(outcome.Type, outcome.Id), actor, cancellationToken))
        {
            throw new FieldRuleException("OutcomeReference", $"You can only link to a {ItemTypes.NameOf(outcome.Type)} your organisation looks after");
        }
        var now = clock.UtcNow();
        var link = OutcomeLink.Make(new(input.Type, input.Id), new(outcome.Type, outcome.Id), asked.Reason ?? "", actor.UserId(), now);
        if (await db.OutcomeLinks.AnyAsync(l => l.InputType == input.Type && l.InputId == input.Id && l.OutcomeType == outcome.Type && l.OutcomeId == outcome.Id, cancellationToken))
        {
            throw new FieldRuleException("InputReference", $"{Describe(input)} is already linked to {Describe(outcome)}");
        }
        try
        {
            return await db.InOneTransactionAsync(async () =>
            {
                db.OutcomeLinks.Add(link);
                await db.SaveChangesAsync(cancellationToken);
                db.AuditEntries.Add(AuditEntry.Of(ItemType, link.Id, "linked", actor.UserId(), now, null, LinkSnapshot.Of(link)));
                await TellFollowersAsync(link, $"{Describe(input)} led to {Describe(outcome)}", input, outcome, actor, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return link;
            }, cancellationToken);
        }
        catch (DbUpdateException clash) when (clash.IsUniqueViolation())
        {
            throw new FieldRuleException("InputReference", $"{Describe(input)} is already linked to {Describe(outcome)}");
        }
    }

    public async Task<OutcomeLink> FindLinkAsync(int id, CancellationToken cancellationToken) =>
        await db.OutcomeLinks.SingleOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such link");

    public async Task UnlinkAsync(int id, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var link = await FindLinkAsync(id, cancellationToken);
        if (!await MayLinkToAsync(link.Outcome, actor, cancellationToken))
        {
            throw new ForbiddenException("Only the programme team and the outcome's owner can remove this link");
        }
        try
        {
            await db.InOneTransactionAsync(async () =>
            {
                db.OutcomeLinks.Remove(link);
                db.AuditEntries.Add(AuditEntry.Of(ItemType, link.Id, "unlinked", actor.UserId(), clock.UtcNow(), LinkSnapshot.Of(link), null));
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new NotFoundException("The link has already been removed");
        }
    }

    /// <summary>The public item of one of <paramref name="kinds"/> that people know by <paramref name="reference"/>, or a message for the field.</summary>
    private async Task<TracedItem> FindAsync(string? type, string? reference, IEnumerable<string> kinds, string field, CancellationToken cancellationToken)
    {
        if (type is null || !kinds.Contains(type))
        {
            throw new FieldRuleException($"{field}Type", field == "Input" ? ChooseInput : ChooseOutcome);
        }
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new FieldRuleException($"{field}Reference", $"Enter which {ItemTypes.NameOf(type)}");
        }
        return await items.Traceable(type).FindAsync(reference.Trim(), cancellationToken)
            ?? throw new FieldRuleException($"{field}Reference", $"There is no public {ItemTypes.NameOf(type)} '{reference.Trim()}': check its reference or address");
    }

    private static string Describe(TracedItem item) => $"{ItemTypes.SentenceNameOf(item.Type)} {item.Key}";

    /// <summary>Followers of either item learn what it led to, or what led to it; each only once, and only if they may see both.</summary>
    private async Task TellFollowersAsync(OutcomeLink link, string subject, TracedItem input, TracedItem outcome, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var body = $"""
            {subject}: "{input.Title}" → "{outcome.Title}".

            Why: {link.Reason}

            {ItemTypes.SentenceNameOf(input.Type)}: {links.Absolute(input.Url)}
            {ItemTypes.SentenceNameOf(outcome.Type)}: {links.Absolute(outcome.Url)}
            See where it leads: {links.Absolute("/outcomes")}
            """;
        await notifier.NotifyFollowersAsync(new Notification($"outcome-link:{link.Id}", subject, body, $"follow:{outcome.Type}:{outcome.Id}"),
            new FollowableItem(outcome.Type, outcome.Id), actor.UserId(), cancellationToken: cancellationToken);
        await notifier.NotifyFollowersAsync(new Notification($"outcome-link:{link.Id}", subject, body, $"follow:{input.Type}:{input.Id}"),
            new FollowableItem(input.Type, input.Id), actor.UserId(),
            except: await following.FollowersAsync(outcome.Type, outcome.Id, cancellationToken), cancellationToken: cancellationToken);
    }
}

/// <summary>A link as the audit log keeps it.</summary>
public sealed record LinkSnapshot(string Input, string Outcome, string Reason)
{
    public static LinkSnapshot Of(OutcomeLink link) => new(link.Input.ToString(), link.Outcome.ToString(), link.Reason);
}
