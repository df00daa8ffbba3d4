using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Consultations;

/// <summary>
/// Consultations, their responses and versions as the traceability contracts give them: responses only where their
/// writers agreed to publish them, named without their writers; the consultation linked to the versions its outcome
/// says made its changes; and who looks after a version.
/// </summary>
[Collection(SharedService.Engagement)]
public sealed class ConsultationTracesTests(ServiceFactory service)
{
    private static string Day(DateTime utc) => $"{ShapeOpenData.Infrastructure.TimeProviderExtensions.ToUkTime(utc):d MMMM yyyy}";

    private Task<int> RespondAsync(Consultation consultation, Person person, Consent consent) => service.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<ShapeOpenData.Data.AppDbContext>();
        var questions = await db.SurveyQuestions.Where(q => q.ConsultationId == consultation.Id).OrderBy(q => q.Number).ToListAsync();
        var answers = new Dictionary<int, IReadOnlyList<string>> { [questions[0].Id] = ["I plan journeys"], [questions[1].Id] = ["GTFS"], [questions[2].Id] = ["4"] };
        await s.GetRequiredService<SurveyWorkflow>().RespondAsync(consultation.Slug, answers, consent, await service.PrincipalAsync(person));
        return await (from response in db.Responses
                      join participant in db.Participants on response.ParticipantId equals participant.Id
                      where response.ConsultationId == consultation.Id && participant.UserId == person.Id
                      select response.Id).SingleAsync();
    });

    [Fact]
    public async Task AResponse_IsGivenOnlyWhenItsWriterAgreedToPublishIt_AndNamesNoOne()
    {
        var title = $"Bus data {Guid.NewGuid():N}"[..20];
        var (consultation, _) = await service.CreateConsultationAsync(title: title, survey: true);
        var slug = consultation.Slug;
        var named = await RespondAsync(consultation, await service.CreatePersonAsync(name: "Nadia Named", withPassword: false), Consent.WithName);
        var unnamed = await RespondAsync(consultation, await service.CreatePersonAsync(name: "Ulla Unnamed", withPassword: false), Consent.WithoutName);
        var kept = await RespondAsync(consultation, await service.CreatePersonAsync(name: "Pria Private", withPassword: false), Consent.NotPublished);
        Task<TracedItem?> FindAsync(string reference) => service.TraceableAsync(ItemTypes.SurveyResponse, r => r.FindAsync(reference, CancellationToken.None));

        var found = await FindAsync($"{slug} response {named}");

        Assert.Equal(new TracedItem(ItemTypes.SurveyResponse, named, $"{slug} response {named}", $"Response {named} to {title}", $"/consultations/{slug}/survey"), found);
        Assert.Equal(unnamed, (await FindAsync($"{slug} response {unnamed}"))?.Id);
        Assert.Null(await FindAsync($"{slug} response {kept}"));
        Assert.Null(await FindAsync($"another-consultation response {named}"));
        var given = await service.TraceableAsync(ItemTypes.SurveyResponse, r => r.PublicAsync([named, unnamed, kept], CancellationToken.None));
        Assert.Equal([named, unnamed], given.Select(r => r.Id).Order());
        Assert.DoesNotContain(given, r => r.Title.Contains("Nadia", StringComparison.Ordinal) || r.Key.Contains("Nadia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOutcomeNamingAVersion_LinksTheConsultationToIt_WithTheChangeOnOneLine_AndItsRunnersLookAfterIt()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        var slug = consultation.Slug;
        var longChange = string.Concat(Enumerable.Repeat("Operators publish within seven days. ", 10));
        await service.ConsultationsAsync(runner, async (c, actor) =>
        {
            await c.PublishVersionAsync(slug, [("Why this matters", "Buses are late."), ("What we propose", "Within 7 days.")], "Seven days", actor);
            await c.CloseAsync(slug, actor);
            await c.PublishOutcomeAsync(slug, "You said 28 days is too long.", "We shortened it.",
                [("Timetables within 7 days,\nnot 28.", 2), ("We will review it in a year.", null), (longChange, 2)], actor);
        });
        var (versionId, versionPublished, outcomePublished) = await service.WithDatabaseAsync(async db => (
            await db.DocumentVersions.Where(v => v.ConsultationId == consultation.Id && v.Number == 2).Select(v => v.Id).SingleAsync(),
            await db.DocumentVersions.Where(v => v.ConsultationId == consultation.Id && v.Number == 2).Select(v => v.PublishedAt!.Value).SingleAsync(),
            await db.Consultations.Where(c => c.Id == consultation.Id).Select(c => c.Outcome!.PublishedAt).SingleAsync()));

        var links = await service.KeptLinksOfAsync(new ItemRef(ItemTypes.Consultation, consultation.Id));

        var (input, outcome) = (new ItemRef(ItemTypes.Consultation, consultation.Id), new ItemRef(ItemTypes.DocumentVersion, versionId));
        Assert.Equal(
            [
                new TraceLink(input, outcome, "Timetables within 7 days, not 28.", outcomePublished),
                new TraceLink(input, outcome, longChange.Trim()[..199] + "…", outcomePublished),
            ], links);
        Assert.Equal(links, await service.KeptLinksOfAsync(outcome));
        Assert.Equal($"published {Day(versionPublished)}", (await service.TraceableAsync(ItemTypes.DocumentVersion, v => v.FindAsync($"{slug} v2", CancellationToken.None)))!.Standing);
        Assert.Equal($"outcome published {Day(outcomePublished)}", (await service.TraceableAsync(ItemTypes.Consultation, c => c.FindAsync(slug, CancellationToken.None)))!.Standing);
        Assert.True(await service.OwnsOutcomeAsync(ItemTypes.DocumentVersion, versionId, runner));
        Assert.False(await service.OwnsOutcomeAsync(ItemTypes.DocumentVersion, versionId, await service.CreatePersonAsync(Roles.Publisher, "department-for-education", twoFactor: true, withPassword: false)));
        Assert.False(await service.OwnsOutcomeAsync(ItemTypes.DocumentVersion, versionId, null));
    }
}
