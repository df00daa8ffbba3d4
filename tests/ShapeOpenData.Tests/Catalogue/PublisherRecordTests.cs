using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>An organisation's record on requests and quality reports, on its page.</summary>
[Collection(SharedService.Catalogue)]
public sealed class PublisherRecordTests(CatalogueServiceFactory service)
{
    [Fact]
    public async Task Organisation_ShowsRequestsAnsweredOnTimeAndReportsResolved()
    {
        var programme = await service.PrincipalAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var requester = await service.CreatePersonAsync();
        var answered = await service.SubmitRequestAsync(requester, organisation: "met-office");
        await service.SubmitRequestAsync(requester, organisation: "met-office");
        await service.WithServicesAsync(s => s.GetRequiredService<RequestWorkflow>().CloseAsync(answered, programme,
            new Closing(Outcome.NotHeld, Explanation: "We do not hold this.")));
        var metOfficeDataset = await service.WithDatabaseAsync(db => db.Datasets.Where(d => d.Organisation!.Slug == "met-office").Select(d => d.Slug).FirstAsync());
        var number = await service.FileReportAsync(requester, metOfficeDataset);
        await service.WithServicesAsync(async s =>
        {
            var reports = s.GetRequiredService<QualityReports>();
            var id = await s.GetRequiredService<ShapeOpenData.Data.AppDbContext>().QualityReports
                .Where(r => r.Dataset!.Slug == metOfficeDataset && r.Number == number).Select(r => r.Id).SingleAsync();
            return await reports.CloseAsync(id, programme, Resolution.Fixed, null);
        });
        await service.FileReportAsync(requester, metOfficeDataset);

        var page = await service.NewSession().GetAsync("/organisations/met-office");

        var record = page.Document.QuerySelectorAll("#record + dl .govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("2", record["Requests received"]);
        Assert.Equal("100% of 1 closed or past their deadline", record["Answered within the deadline"]);
        Assert.StartsWith("0 days", record["Typical time to close a request"], StringComparison.Ordinal);
        Assert.Equal("1 open, 1 resolved", record["Quality reports"]);
        Assert.StartsWith("0 days", record["Typical time to resolve a report"], StringComparison.Ordinal);
        Assert.Equal("5", record["Datasets published"]);
    }
}
