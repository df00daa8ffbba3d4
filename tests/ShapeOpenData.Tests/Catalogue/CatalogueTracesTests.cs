using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>
/// Datasets, quality reports and requests answered by a dataset, as the traceability contracts give them: found by what
/// people type, public ones only, each saying where it stands, and the request's link to its dataset kept.
/// </summary>
[Collection(SharedService.Catalogue)]
public sealed class CatalogueTracesTests(CatalogueServiceFactory service)
{
    private const string Dataset = "road-traffic-statistics";

    [Fact]
    public async Task ADataset_SaysWhenItWasPublished_AndItsOrganisationsPublishersLookAfterIt()
    {
        var found = await service.TraceableAsync(ItemTypes.Dataset, d => d.FindAsync(Dataset, CancellationToken.None));
        var dft = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, withPassword: false);
        var dfe = await service.CreatePersonAsync(Roles.Publisher, "department-for-education", twoFactor: true, withPassword: false);

        Assert.Equal(("Road traffic statistics", "/datasets/road-traffic-statistics", "published 13 January 2015"), (found!.Title, found.Url, found.Standing));
        Assert.True(await service.OwnsOutcomeAsync(ItemTypes.Dataset, found.Id, dft));
        Assert.False(await service.OwnsOutcomeAsync(ItemTypes.Dataset, found.Id, dfe));
        Assert.False(await service.OwnsOutcomeAsync(ItemTypes.Dataset, found.Id, null));
    }

    [Fact]
    public async Task AReport_IsFoundByKeyOrAddress_WithItsState_NeverAPersonalDataOneAwaitingReviewOrAHiddenOne()
    {
        var reporter = await service.PrincipalAsync(await service.CreatePersonAsync(withPassword: false));
        var publisher = await service.PrincipalAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, withPassword: false));
        var (shown, personal, hidden) = await service.WithServicesAsync(async s =>
        {
            var reports = s.GetRequiredService<QualityReports>();
            return (await reports.FileAsync(Dataset, new NewReport(null, ReportCategory.OutOfDate, "The 2025 figures are missing."), reporter),
                await reports.FileAsync(Dataset, new NewReport(null, ReportCategory.PersonalDataExposed, "A name in the notes."), reporter),
                await reports.FileAsync(Dataset, new NewReport(null, ReportCategory.Other, "Rude words."), reporter));
        });
        await service.WithServicesAsync(async s =>
        {
            await s.GetServices<IModeratable>().Single(m => m.Type == ItemTypes.QualityReport).ApplyAsync(hidden.Id, new ModerationChange.Hide(ModerationReason.Abuse), CancellationToken.None);
            return await s.GetRequiredService<ShapeOpenData.Data.AppDbContext>().SaveChangesAsync();
        });
        Task<TracedItem?> FindAsync(string reference) => service.TraceableAsync(ItemTypes.QualityReport, r => r.FindAsync(reference, CancellationToken.None));

        var byKey = await FindAsync($"{Dataset} #{shown.Number}");

        Assert.Equal(new TracedItem(ItemTypes.QualityReport, shown.Id, $"{Dataset} #{shown.Number}", $"Report {shown.Number} on Road traffic statistics",
            $"/datasets/{Dataset}/reports/{shown.Number}", "open"), byKey);
        Assert.Equal(byKey, await FindAsync($"https://example.com/datasets/{Dataset}/reports/{shown.Number}"));
        Assert.Equal(byKey, await FindAsync($"/datasets/{Dataset}/reports/{shown.Number}"));
        Assert.Null(await FindAsync($"{Dataset} #{personal.Number}"));
        Assert.Null(await FindAsync($"/datasets/{Dataset}/reports/{hidden.Number}"));
        Assert.Equal([shown.Id], (await service.TraceableAsync(ItemTypes.QualityReport, r => r.PublicAsync([shown.Id, personal.Id, hidden.Id], CancellationToken.None))).Select(r => r.Id));

        await service.WithServicesAsync(s => s.GetRequiredService<QualityReports>().RespondAsync(shown.Id, publisher, "We are adding them."));
        Assert.Equal("acknowledged by the publisher", (await FindAsync($"{Dataset} #{shown.Number}"))!.Standing);
        await service.WithServicesAsync(s => s.GetRequiredService<QualityReports>().CloseAsync(shown.Id, publisher, Resolution.Fixed, "Added."));
        var today = DateOnly.FromDateTime(ShapeOpenData.Infrastructure.TimeProviderExtensions.ToUkTime(service.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        Assert.Equal($"closed {today:d MMMM yyyy}: fixed", (await FindAsync($"{Dataset} #{shown.Number}"))!.Standing);
    }

    [Fact]
    public async Task ARequestReleasedAsADataset_IsLinkedToIt_AndSaysHowManyNeedIt_AsItsPageDoes()
    {
        var requester = await service.CreatePersonAsync(withPassword: false);
        var id = await service.SubmitRequestAsync(requester, organisation: "department-for-transport");
        await (await service.ApiClientAsync(requester)).PutAsync($"/api/v1/requests/{id}/support", null);
        Assert.Equal("1 person needs this", (await service.TraceableAsync(ItemTypes.Request, r => r.FindAsync($"{id}", CancellationToken.None)))!.Standing);
        await (await service.ApiClientAsync(await service.CreatePersonAsync(withPassword: false))).PutAsync($"/api/v1/requests/{id}/support", null);
        var api = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true, withPassword: false));
        Assert.Empty(await service.KeptLinksOfAsync(new ItemRef(ItemTypes.Request, id)));

        var closed = await api.PostAsync($"/api/v1/requests/{id}/close", JsonContent.Create(new { outcome = "released", dataset = Dataset }));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var closing = await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == id).Select(r => new { r.DatasetId, r.ClosedAt }).SingleAsync());
        var datasetId = await service.DatasetIdAsync(Dataset);
        Assert.Equal(datasetId, closing.DatasetId);
        var link = new TraceLink(new ItemRef(ItemTypes.Request, id), new ItemRef(ItemTypes.Dataset, datasetId), "Released as this dataset", closing.ClosedAt);
        Assert.Equal([link], await service.KeptLinksOfAsync(new ItemRef(ItemTypes.Request, id)));
        Assert.Contains(link, await service.KeptLinksOfAsync(new ItemRef(ItemTypes.Dataset, datasetId)));
        Assert.Contains(link, await service.AllKeptLinksAsync());
        Assert.Equal("2 people need this", (await service.TraceableAsync(ItemTypes.Request, r => r.FindAsync($"{id}", CancellationToken.None)))!.Standing);
    }
}
