using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Consultations.OpinionGroups;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>What a Pol.is export folder's summary.csv says of the conversation, when it has one.</summary>
public sealed record PolisSummary(string? Topic, string? Description, string? Address);

/// <summary>
/// Pol.is's open-data format, both ways. A Pol.is export becomes a new closed consultation: its statements with what its
/// moderators decided (moderated out: hidden; not reviewed: held), the latest vote of each participant, and the
/// participants themselves as anonymous records that can never sign in, keeping their original ids. Every consultation
/// exports the same three files, naming participants by their number (the original id, or a stable pseudonym), with the
/// words of hidden and held statements left out and nothing of anyone who did not consent to publication.
/// </summary>
public sealed partial class PolisInterop(AppDbContext db, TimeProvider clock)
{
    /// <summary>Reads a Pol.is export folder into a new closed consultation owned by <paramref name="organisationId"/>; returns it.</summary>
    public async Task<Consultation> ImportAsync(PolisConversation conversation, PolisSummary summary, int organisationId, int? actorId, CancellationToken cancellationToken)
    {
        if (conversation.Statements.Count == 0)
        {
            throw new RuleException("The export has no statements (comments.csv is empty)");
        }
        var times = conversation.Statements.Select(s => s.Timestamp).Concat(conversation.Votes.Select(v => v.Timestamp)).ToList();
        DateTime At(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
        var (opened, closed, now) = (At(times.Min()), At(times.Max()), clock.UtcNow());
        var title = $"Pol.is conversation: {summary.Topic ?? "imported"}";
        var description = summary.Description ?? "A conversation imported from Pol.is.";
        var slug = await FreeSlugAsync(summary.Topic ?? "conversation", cancellationToken);
        var consultation = Consultation.Imported(slug, new ConsultationDetails(Clip(title, Consultation.TitleMaxLength),
            Clip($"{description}\n\nImported from a Pol.is export{(summary.Address is null ? "" : $" ({summary.Address})")}: its statements, votes and what its moderators decided.", Consultation.SummaryMaxLength),
            organisationId, DateOnly.FromDateTime(closed.ToUkTime()), ModerateStatements: true), opened, closed, now);

        return await db.InOneTransactionAsync(async () =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync(cancellationToken);
            var version = DocumentVersion.First(consultation.Id, now);
            version.AddSection("What was asked", Clip(description, Section.BodyMaxLength));
            version.Publish(actorId, opened);
            db.DocumentVersions.Add(version);

            var participantIds = conversation.Votes.Select(v => v.VoterId).Concat(conversation.Statements.Select(s => s.AuthorId)).Distinct().Order().ToList();
            var participants = participantIds.ToDictionary(id => id, id => Participant.Join(consultation.Id, null, id, opened));
            db.Participants.AddRange(participants.Values);
            await db.SaveChangesAsync(cancellationToken);

            var latest = conversation.Votes;
            var tallies = latest.GroupBy(v => v.StatementId).ToDictionary(g => g.Key, g => (A: g.Count(v => v.Vote > 0), D: g.Count(v => v.Vote < 0), P: g.Count(v => v.Vote == 0)));
            var statements = new Dictionary<int, Statement>();
            foreach (var s in conversation.Statements)
            {
                var statement = Statement.Imported(consultation.Id, s.Id, participants[s.AuthorId].Id, s.Body.Length == 0 ? "(no text)" : s.Body, ModerationOf(s.Moderated, opened), At(s.Timestamp));
                var (a, d, p) = tallies.GetValueOrDefault(s.Id);
                statement.Tally(a, d, p);
                statements[s.Id] = statement;
            }
            db.Statements.AddRange(statements.Values);
            await db.SaveChangesAsync(cancellationToken);
            db.StatementVotes.AddRange(latest.Where(v => statements.ContainsKey(v.StatementId)).Select(v =>
                StatementVote.Cast(consultation.Id, statements[v.StatementId].Id, participants[v.VoterId].Id, (VoteChoice)Math.Sign(v.Vote), At(v.Timestamp))));
            db.AuditEntries.Add(AuditEntry.Of<object>(ConsultationsModule.ItemType, consultation.Id, "imported_from_polis", actorId, now, null,
                new { Statements = statements.Count, Participants = participants.Count, Votes = latest.Count, summary.Address }));
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            return consultation;
        }, cancellationToken);
    }

    /// <summary>The consultation as a Pol.is conversation, for its exports (and the opinion groups, by participant number).</summary>
    public async Task<(PolisConversation Conversation, IReadOnlyDictionary<int, int> Groups)> ExportAsync(int consultationId, CancellationToken cancellationToken)
    {
        var participants = await db.Participants.AsNoTracking().Where(p => p.ConsultationId == consultationId)
            .Select(p => new { p.Id, p.Number, p.Consent, p.GroupNumber }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var statements = await db.Statements.AsNoTracking().Where(s => s.ConsultationId == consultationId).OrderBy(s => s.Number)
            .Select(s => new { s.Id, s.Number, s.ParticipantId, s.Text, s.CreatedAt, s.Moderation.HiddenAt, s.Moderation.AwaitingApproval }).ToListAsync(cancellationToken);
        var numbers = statements.ToDictionary(s => s.Id, s => s.Number);
        long Ms(DateTime at) => new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var published = participants.Values.Where(p => p.Consent != Consent.NotPublished).Select(p => p.Id).ToHashSet();
        var votes = (await db.StatementVotes.AsNoTracking().Where(v => v.ConsultationId == consultationId)
                .Select(v => new { v.ParticipantId, v.StatementId, v.Choice, v.VotedAt }).ToListAsync(cancellationToken))
            .Where(v => published.Contains(v.ParticipantId))
            .Select(v => new PolisVote(Ms(v.VotedAt), numbers[v.StatementId], participants[v.ParticipantId].Number, (int)v.Choice))
            .OrderBy(v => v.Timestamp).ThenBy(v => v.VoterId).ToList();
        var rows = statements.Select(s => new PolisStatement(s.Number, s.ParticipantId is { } author ? participants[author].Number : -1,
            // Hidden and held words are for their author and moderators only: the row and its votes stay, the words do not.
            s.HiddenAt is null && !s.AwaitingApproval ? s.Text : "",
            s.HiddenAt is not null ? PolisModeration.Out : s.AwaitingApproval ? PolisModeration.Unreviewed : PolisModeration.Accepted, Ms(s.CreatedAt))).ToList();
        var groups = participants.Values.Where(p => p.GroupNumber is not null && published.Contains(p.Id)).ToDictionary(p => p.Number, p => p.GroupNumber!.Value);
        return (new PolisConversation(rows, votes, []), groups);
    }

    /// <summary>Reads summary.csv's two columns (topic, conversation-description, url), if the folder has one.</summary>
    public static PolisSummary ReadSummary(string directory)
    {
        var path = Path.Combine(directory, "summary.csv");
        if (!File.Exists(path))
        {
            return new PolisSummary(null, null, null);
        }
        // Two columns and no header: a key, then its value (quoted when it holds a comma or a quote).
        var values = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(path))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0)
            {
                var value = line[(comma + 1)..];
                values[line[..comma]] = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : value;
            }
        }
        return new PolisSummary(values.GetValueOrDefault("topic"), values.GetValueOrDefault("conversation-description"), values.GetValueOrDefault("url"));
    }

    private static ModerationState ModerationOf(PolisModeration moderated, DateTime at)
    {
        if (moderated == PolisModeration.Unreviewed)
        {
            return ModerationState.Held();
        }
        var state = new ModerationState();
        if (moderated == PolisModeration.Out)
        {
            state.Apply(new ModerationChange.Hide(ModerationReason.Other), at);
        }
        return state;
    }

    private async Task<string> FreeSlugAsync(string topic, CancellationToken cancellationToken)
    {
        var stem = NotSlug().Replace(topic.ToLowerInvariant(), "-").Trim('-');
        stem = $"polis-{(stem.Length == 0 ? "conversation" : stem)}";
        stem = stem[..Math.Min(stem.Length, Consultation.SlugMaxLength - 6)].TrimEnd('-');
        var slug = stem;
        for (var n = 2; await db.Consultations.AnyAsync(c => c.Slug == slug, cancellationToken); n++)
        {
            slug = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
        return slug;
    }

    private static string Clip(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
