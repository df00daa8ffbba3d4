using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Consultations.OpinionGroups;

namespace ShapeOpenData.Tests.Cli;

/// <summary>
/// <c>generate --consultation</c> as the benchmark runs it: a new open consultation whose votes are what the service would
/// have stored, and in which <c>opinion-groups</c> then finds the groups planted.
/// </summary>
[Collection(SharedService.Engagement)]
public sealed class GenerateConsultationTests(ServiceFactory service)
{
    [Fact]
    public async Task GenerateConsultation_PrintsTheSlug_StoresTheVotes_AndOpinionGroupsFindsThePlantedGroups()
    {
        var plantedFile = Path.Combine(service.DataDirectory, "planted.csv");
        var generated = await ProgramRun.InProcessAsync(service.DatabaseSettings, "generate", "--consultation",
            "--participants", "300", "--statements", "40", "--votes-per-participant", "20", "--groups", "3", "--seed", "1", "--planted", plantedFile);
        Assert.True(generated.ExitCode == 0, generated.Error);
        var slug = Lines(generated)[^1];
        Assert.Equal("generated-300-by-40", slug);

        var stored = await service.WithDatabaseAsync(async db =>
        {
            var consultation = await db.Consultations.SingleAsync(c => c.Slug == slug);
            var votes = db.StatementVotes.Where(v => v.ConsultationId == consultation.Id);
            return new
            {
                consultation.Id,
                consultation.State,
                Owner = await db.Organisations.Where(o => o.Id == consultation.OrganisationId).Select(o => o.Slug).SingleAsync(),
                Participants = await db.Participants.CountAsync(p => p.ConsultationId == consultation.Id),
                WithAccounts = await db.Participants.CountAsync(p => p.ConsultationId == consultation.Id && p.UserId != null),
                Statements = await db.Statements.CountAsync(s => s.ConsultationId == consultation.Id),
                Votes = await votes.CountAsync(),
                Counted = await db.Statements.Where(s => s.ConsultationId == consultation.Id).SumAsync(s => s.Agrees + s.Disagrees + s.Passes),
                CountsOff = await db.Statements.CountAsync(s => s.ConsultationId == consultation.Id
                    && (s.Agrees != votes.Count(v => v.StatementId == s.Id && v.Choice == VoteChoice.Agree)
                        || s.Disagrees != votes.Count(v => v.StatementId == s.Id && v.Choice == VoteChoice.Disagree)
                        || s.Passes != votes.Count(v => v.StatementId == s.Id && v.Choice == VoteChoice.Pass))),
            };
        });
        Assert.Equal((ConsultationState.Open, "cabinet-office", 300, 0, 40), (stored.State, stored.Owner, stored.Participants, stored.WithAccounts, stored.Statements));
        // Exactly the votes the same seed plants, each statement's counts equal to its votes.
        Assert.Equal(PlantedGroups.Generate(300, 40, 20, 3, seed: 1).Votes.Count, stored.Votes);
        Assert.Equal((stored.Votes, 0), (stored.Counted, stored.CountsOff));
        Assert.Equal(HttpStatusCode.OK, (await service.NewSession().GetAsync($"/consultations/{slug}")).Status);

        var grouped = await ProgramRun.InProcessAsync(service.DatabaseSettings, "opinion-groups", slug, "--measure", "--repeat");
        Assert.True(grouped.ExitCode == 0, grouped.Error);
        Assert.Matches(@"^\d+\.\d{3} seconds, k = 3, \d+ participants grouped$", Lines(grouped)[^1]);
        Assert.Equal(["a new process", "every vote read again", "the votes since caught up"], Lines(grouped)[^4..^1].Select(l => l.Split(':')[0]));
        Assert.All(Lines(grouped)[^4..^1], line => Assert.Matches(
            @": reading \d+\.\d{3} s, computing \d+\.\d{3} s, saving \d+\.\d{3} s; processor \d+\.\d{3} s; peak \d+ MB, -?\d+ MB more than before$", line));
        var planted = File.ReadLines(plantedFile).Skip(1).Select(l => l.Split(',')).ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => int.Parse(f[1], CultureInfo.InvariantCulture));
        var found = await service.WithDatabaseAsync(db => db.Participants.Where(p => p.ConsultationId == stored.Id && p.GroupNumber != null).ToDictionaryAsync(p => p.Number, p => p.GroupNumber!.Value));
        var agreement = AdjustedRandIndex.Compute([.. found.Keys.Select(p => found[p])], [.. found.Keys.Select(p => planted[p])]);
        Assert.True(agreement >= 0.85, $"adjusted Rand index with the planted groups: {agreement:0.000}");
    }

    /// <summary>What the command printed, without any log lines.</summary>
    private static string[] Lines(ProgramRun run) =>
        [.. run.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("{\"Timestamp\"", StringComparison.Ordinal))];
}
