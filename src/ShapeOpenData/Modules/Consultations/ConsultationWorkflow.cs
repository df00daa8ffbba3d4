using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>What the audit log keeps of a consultation at each change.</summary>
public sealed record ConsultationSnapshot(string Title, string Summary, int OrganisationId, string State, DateOnly ClosesOn, bool ModerateStatements)
{
    public static ConsultationSnapshot Of(Consultation c) => new(c.Title, c.Summary, c.OrganisationId, c.State.ToCode(), c.ClosesOn, c.ModerateStatements);
}

/// <summary>
/// Every change to a consultation's life: drafting it and its document, opening, closing (early, or at the end of its
/// closing day by scheduled work), new versions of the document and the outcome. Each is checked,
/// audited and saved with its followers' emails in one transaction. Whoever drafts it follows it.
/// </summary>
public sealed class ConsultationWorkflow(AppDbContext db, TimeProvider clock, Following following, Notifier notifier, ServiceLinks links)
{
    public const string ItemType = ConsultationsModule.ItemType;

    public static string UrlOf(string slug) => $"/consultations/{slug}";

    public async Task<Consultation> CreateAsync(string slug, ConsultationDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        if (!ConsultationPermissions.CanDraftFor(actor, details.OrganisationId))
        {
            throw new ForbiddenException("You can only start consultations for an organisation you publish for");
        }
        Consultation.Require(Slugs.IsValid(slug), "The short name may use only lower-case letters, numbers and hyphens");
        if (await db.Consultations.AnyAsync(c => c.Slug == slug, cancellationToken))
        {
            throw new RuleException("A consultation already uses that short name. Choose another");
        }
        var now = clock.UtcNow();
        var consultation = Consultation.Draft(slug, details, clock.Today(), now);
        return await db.InOneTransactionAsync(async () =>
        {
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync(cancellationToken);
            db.DocumentVersions.Add(DocumentVersion.First(consultation.Id, now));
            await following.FollowAsync(actor.UserId()!.Value, ItemType, consultation.Id, asked: true, cancellationToken);
            db.AuditEntries.Add(AuditEntry.Of(ItemType, consultation.Id, "drafted", actor.UserId(), now, null, ConsultationSnapshot.Of(consultation)));
            await db.SaveChangesAsync(cancellationToken);
            return consultation;
        }, cancellationToken);
    }

    public async Task ChangeAsync(string slug, ConsultationDetails details, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var consultation = await RunAsync(slug, actor, cancellationToken);
        if (!ConsultationPermissions.CanDraftFor(actor, details.OrganisationId))
        {
            throw new ForbiddenException("You can only give it to an organisation you publish for");
        }
        var before = ConsultationSnapshot.Of(consultation);
        var now = clock.UtcNow();
        consultation.Change(details, clock.Today(), now);
        db.AuditEntries.Add(AuditEntry.Of(ItemType, consultation.Id, "changed", actor.UserId(), now, before, ConsultationSnapshot.Of(consultation)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The first version's sections, drafted in place until it opens.</summary>
    public async Task<Section> AddSectionAsync(string slug, string heading, string body, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var (consultation, draft) = await DraftDocumentAsync(slug, actor, cancellationToken);
        var section = draft.AddSection(heading, body);
        Audit(consultation, "section_added", actor, new { section.Number, section.Heading });
        await db.SaveChangesAsync(cancellationToken);
        return section;
    }

    public async Task ChangeSectionAsync(string slug, int number, string heading, string body, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var (consultation, draft) = await DraftDocumentAsync(slug, actor, cancellationToken);
        var section = draft.Sections.SingleOrDefault(s => s.Number == number) ?? throw new NotFoundException("There is no such section");
        section.Change(heading, body);
        Audit(consultation, "section_changed", actor, new { section.Number, section.Heading });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveSectionAsync(string slug, int number, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var (consultation, draft) = await DraftDocumentAsync(slug, actor, cancellationToken);
        var section = draft.Sections.SingleOrDefault(s => s.Number == number) ?? throw new NotFoundException("There is no such section");
        draft.RemoveSection(section);
        Audit(consultation, "section_removed", actor, new { Number = number, section.Heading });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task OpenAsync(string slug, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var (consultation, draft) = await DraftDocumentAsync(slug, actor, cancellationToken);
        var before = ConsultationSnapshot.Of(consultation);
        var now = clock.UtcNow();
        consultation.Open(draft.Sections.Count > 0, now);
        draft.Publish(actor.UserId(), now);
        await ChangedAsync(consultation, "opened", actor.UserId(), before, $"Consultation open: {consultation.Title}", $"""
            "{consultation.Title}" is open for comments and responses until the end of {consultation.ClosesOn:d MMMM yyyy}.

            Read it and respond: {links.Absolute(UrlOf(slug))}
            """, cancellationToken);
    }

    /// <summary>Closes it before its closing day ends.</summary>
    public async Task CloseAsync(string slug, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var consultation = await RunAsync(slug, actor, cancellationToken);
        await CloseAsync(consultation, actor.UserId(), cancellationToken);
    }

    /// <summary>Records the close of every consultation whose closing day has ended. Returns how many.</summary>
    public async Task<int> CloseDueAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var now = clock.UtcNow();
        // Closing days up to today, then the exact instant: a consultation closing today closes at midnight, UK time.
        var candidates = await db.Consultations.Where(c => c.State == ConsultationState.Open && c.ClosesOn <= today).ToListAsync(cancellationToken);
        var due = candidates.Where(c => c.IsDueToCloseAt(now)).ToList();
        foreach (var consultation in due)
        {
            await CloseAsync(consultation, null, cancellationToken);
        }
        return due.Count;
    }

    /// <summary>A new version of the document, never editing the last: every section as it now reads, with a note of what changed.</summary>
    public async Task<DocumentVersion> PublishVersionAsync(
        string slug, IReadOnlyList<(string Heading, string Body)> sections, string? note, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var consultation = await RunAsync(slug, actor, cancellationToken);
        Consultation.Require(consultation.IsPublished, "While it is a draft, change the document's sections themselves");
        var latest = await db.DocumentVersions.Where(v => v.ConsultationId == consultation.Id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        var now = clock.UtcNow();
        var next = latest.Next(sections, note, actor.UserId(), now);
        db.DocumentVersions.Add(next);
        await ChangedAsync(consultation, "version_published", actor.UserId(), new { Version = latest.Number }, $"New version of {consultation.Title}", $"""
            Version {next.Number} of "{consultation.Title}" has been published.{(next.Note is null ? "" : $"\n\nWhat changed: {next.Note}")}

            Read it, and compare it with version {latest.Number}: {links.Absolute($"{UrlOf(slug)}/versions/{next.Number}")}
            """, cancellationToken, after: new { Version = next.Number, next.Note });
        return next;
    }

    /// <summary>"We asked, you said, we did": published once, after it closes; each change may name the version that made it.</summary>
    public async Task PublishOutcomeAsync(
        string slug, string youSaid, string weDid, IReadOnlyList<(string Text, int? Version)> changes, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var consultation = await RunAsync(slug, actor, cancellationToken);
        var versions = await db.DocumentVersions.Where(v => v.ConsultationId == consultation.Id).Select(v => v.Number).ToListAsync(cancellationToken);
        Consultation.Require(changes.All(c => c.Version is null || versions.Contains(c.Version.Value)), "Link each change to a version of the document that exists");
        Consultation.Require(changes.Count <= 50, "Give at most 50 changes");
        var before = ConsultationSnapshot.Of(consultation);
        var now = clock.UtcNow();
        consultation.PublishOutcome(ConsultationOutcome.Of(youSaid, weDid, now), now);
        for (var i = 0; i < changes.Count; i++)
        {
            db.OutcomeChanges.Add(OutcomeChange.Of(consultation.Id, i + 1, changes[i].Text, changes[i].Version));
        }
        await ChangedAsync(consultation, "outcome_published", actor.UserId(), before, $"Outcome published: {consultation.Title}", $"""
            The outcome of "{consultation.Title}" has been published: what was asked, what people said, and what changed because of it.

            Read it: {links.Absolute($"{UrlOf(slug)}/outcome")}
            """, cancellationToken);
    }

    /// <summary>The consultation, for someone who runs it; not found for anyone who may not see it.</summary>
    public async Task<Consultation> RunAsync(string slug, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (consultation is null || !ConsultationPermissions.CanSee(actor, consultation))
        {
            throw new NotFoundException("There is no such consultation");
        }
        if (!ConsultationPermissions.CanRun(actor, consultation))
        {
            throw new ForbiddenException("Only the programme team and the owning organisation's publishers can do that");
        }
        return consultation;
    }

    private async Task CloseAsync(Consultation consultation, int? actorId, CancellationToken cancellationToken)
    {
        var before = ConsultationSnapshot.Of(consultation);
        consultation.Close(clock.UtcNow());
        await ChangedAsync(consultation, "closed", actorId, before, $"Consultation closed: {consultation.Title}", $"""
            "{consultation.Title}" has closed. Thank you to everyone who took part. We will publish what we heard and what we did about it.

            See it: {links.Absolute(UrlOf(consultation.Slug))}
            """, cancellationToken);
    }

    private async Task<(Consultation, DocumentVersion)> DraftDocumentAsync(string slug, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var consultation = await RunAsync(slug, actor, cancellationToken);
        Consultation.Require(consultation.State == ConsultationState.Draft,
            "Once a consultation has opened its document is not edited: publish a new version instead");
        var draft = await db.DocumentVersions.Include(v => v.Sections).SingleAsync(v => v.ConsultationId == consultation.Id && v.Number == 1, cancellationToken);
        return (consultation, draft);
    }

    private void Audit(Consultation consultation, string action, ClaimsPrincipal actor, object after) =>
        db.AuditEntries.Add(AuditEntry.Of<object>(ItemType, consultation.Id, action, actor.UserId(), clock.UtcNow(), null, after));

    private async Task ChangedAsync<TBefore>(
        Consultation consultation, string action, int? actorId, TBefore before, string subject, string body, CancellationToken cancellationToken, object? after = null)
    {
        var now = clock.UtcNow();
        await db.InOneTransactionAsync(async () =>
        {
            db.AuditEntries.Add(AuditEntry.Of<object>(ItemType, consultation.Id, action, actorId, now, before, after ?? ConsultationSnapshot.Of(consultation)));
            await db.SaveChangesAsync(cancellationToken);
            await notifier.NotifyFollowersAsync(new Notification($"consultation:{consultation.Id}:{action}:{now.Ticks}", subject, body, $"follow:{ItemType}:{consultation.Id}"),
                new FollowableItem(ItemType, consultation.Id), actorId, cancellationToken: cancellationToken);
            return await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }
}
