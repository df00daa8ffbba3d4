using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Consultations.OpinionGroups;
using static ShapeOpenData.Cli.BenchmarkWords;

namespace ShapeOpenData.Cli;

/// <param name="VotesPerParticipant">The mean: participation is heavy-tailed, most vote a little and a few a lot.</param>
/// <param name="Groups">How many opinion groups are planted in the votes.</param>
public sealed record ConsultationSize(int Participants, int Statements, double VotesPerParticipant, int Groups);

/// <summary>What was generated: the consultation, and the group planted for each participant (by their number).</summary>
public sealed record GeneratedConsultation(string Slug, int[] PlantedGroup);

/// <summary>A consultation at any scale for the opinion-group benchmark, with groups planted in its votes.</summary>
public sealed partial class BenchmarkData
{
    private static readonly string[] ParticipantColumns = ["Id", "ConsultationId", "UserId", "Number", "Consent", "GroupNumber", "CreatedAt"];
    private static readonly string[] VoteColumns = ["StatementId", "ParticipantId", "ConsultationId", "Choice", "VotedAt"];

    /// <summary>How long the generated consultation has been open: its votes are spread over these days.</summary>
    private const int DaysOpen = 30;

    /// <summary>
    /// A new open consultation owned by the organisation given, with statements and participants (records with no account,
    /// as an import makes) voting as <see cref="PlantedGroups"/> plants them, the same votes for the same seed. Each
    /// statement's counts are written with it and equal its votes. It stays a draft, seen by nobody, until every vote is
    /// written.
    /// </summary>
    public async Task<GeneratedConsultation> GenerateConsultationAsync(ConsultationSize size, int organisationId, int seed, DateTime now, Action<string, int, int> progress, CancellationToken cancellationToken)
    {
        progress("Votes planned", 0, 1);
        var planted = PlantedGroups.Generate(size.Participants, size.Statements, size.VotesPerParticipant, size.Groups, seed);
        progress("Votes planned", 1, 1);
        var opened = now.AddDays(-DaysOpen);
        var details = new ConsultationDetails($"Generated consultation: {size.Participants:N0} people, {size.Statements:N0} statements",
            $"Benchmark data: {size.Groups} opinion groups planted in about {size.VotesPerParticipant:N0} votes a person.",
            organisationId, DateOnly.FromDateTime(now).AddDays(DaysOpen), ModerateStatements: false);
        var consultation = Consultation.Draft(await FreeSlugAsync($"generated-{size.Participants}-by-{size.Statements}", cancellationToken), details, DateOnly.FromDateTime(opened), opened);
        var statements = await AddDraftAsync(consultation, planted, opened, cancellationToken);

        var firstParticipant = (await db.Participants.MaxAsync(p => (int?)p.Id, cancellationToken) ?? 0) + 1;
        await using (var writer = await BulkWriter.OpenAsync(db, cancellationToken))
        {
            progress("Participants", 0, size.Participants);
            await writer.WriteAsync("ConsultationParticipants", ParticipantColumns,
                Enumerable.Range(0, size.Participants).Select(p => new object?[] { firstParticipant + p, consultation.Id, null, p, Consent.WithoutName.ToCode(), null, opened }),
                written => progress("Participants", written, size.Participants), cancellationToken);
            await writer.ContinueIdentityAsync("ConsultationParticipants", cancellationToken);
            var votes = planted.Votes.Count;
            progress("Votes", 0, votes);
            await writer.WriteAsync("StatementVotes", VoteColumns, VoteRows(planted.Votes, statements, firstParticipant, consultation.Id, opened, now),
                written => progress("Votes", written, votes), cancellationToken);
            progress("Statistics", 0, 1);
            await writer.FinishAsync(cancellationToken);
            progress("Statistics", 1, 1);
        }

        var draft = await db.DocumentVersions.Include(v => v.Sections).SingleAsync(v => v.ConsultationId == consultation.Id, cancellationToken);
        consultation.Open(draft.Sections.Count > 0, opened);
        draft.Publish(null, opened);
        db.AuditEntries.Add(AuditEntry.Of<object>(ConsultationsModule.ItemType, consultation.Id, "generated", null, now, null,
            new { size.Participants, size.Statements, Votes = planted.Votes.Count, size.Groups, Seed = seed }));
        await db.SaveChangesAsync(cancellationToken);
        return new GeneratedConsultation(consultation.Slug, planted.PlantedGroup);
    }

    /// <summary>The consultation as a draft with one section and its statements, their counts those of the votes to come; returns the statements' ids by index.</summary>
    private async Task<int[]> AddDraftAsync(Consultation consultation, PlantedGroups.Conversation planted, DateTime opened, CancellationToken cancellationToken)
    {
        var statementCount = planted.StatementKeys.Length;
        var tallies = new int[statementCount * 3];
        var what = planted.Votes.Statements;
        var how = planted.Votes.Values;
        for (var i = 0; i < what.Length; i++)
        {
            tallies[what[i] * 3 + how[i] + 1]++;
        }
        return await db.InOneTransactionAsync(async () =>
        {
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync(cancellationToken);
            var version = DocumentVersion.First(consultation.Id, opened);
            version.AddSection("What we ask", "Which of these statements do you agree with? Vote on as many as you like.");
            db.DocumentVersions.Add(version);
            var statements = new Statement[statementCount];
            for (var s = 0; s < statementCount; s++)
            {
                statements[s] = Statement.Submit(consultation.Id, s, null, StatementText(s), held: false, opened);
                statements[s].Tally(agrees: tallies[s * 3 + 2], disagrees: tallies[s * 3], passes: tallies[s * 3 + 1]);
            }
            db.Statements.AddRange(statements);
            await db.SaveChangesAsync(cancellationToken);
            return Array.ConvertAll(statements, s => s.Id);
        }, cancellationToken);
    }

    /// <summary>One row per vote, in the planted order (each person's votes together), spread evenly over the days it has been open.</summary>
    private static IEnumerable<object?[]> VoteRows(VoteList votes, int[] statementIds, int firstParticipant, int consultationId, DateTime opened, DateTime now)
    {
        var step = (now - opened).Ticks / Math.Max(1, votes.Count);
        for (var i = 0; i < votes.Count; i++)
        {
            yield return [statementIds[votes.Statements[i]], firstParticipant + votes.Participants[i], consultationId, (short)votes.Values[i], opened.AddTicks(step * i)];
        }
    }

    private static string StatementText(int s) =>
        $"{Measures[s % Measures.Length]} {Breakdowns[s / Measures.Length % Breakdowns.Length]} should be published{Forms[s % Forms.Length]} (statement {s + 1})";

    private async Task<string> FreeSlugAsync(string stem, CancellationToken cancellationToken)
    {
        var slug = stem;
        for (var n = 2; await db.Consultations.AnyAsync(c => c.Slug == slug, cancellationToken); n++)
        {
            slug = $"{stem}-{n}";
        }
        return slug;
    }
}
