using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Catalogue;
using ShapeOpenData.Tests.Consultations;
using ShapeOpenData.Tests.Groups;

namespace ShapeOpenData.Tests.Site;

/// <summary>The service with a module that adds a section, naming the item it was asked about, to the pages of versions, actions and reports.</summary>
public sealed class SectionsServiceFactory : ServiceFactory
{
    /// <summary>Shows a request-like list whose one line names the page and item it was given.</summary>
    private sealed class NamingSection(string page) : IPageSection
    {
        public string Page => page;

        public Task<PageSection?> ForAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken) =>
            Task.FromResult<PageSection?>(new PageSection("/Modules/DatasetRequests/_AnsweredBy.cshtml",
                (IReadOnlyList<TracedItem>)[new TracedItem(ItemTypes.Request, id, "0", $"Section for {page} {id}", "/requests")]));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var page in new[] { ItemTypes.DocumentVersion, ItemTypes.Action, ItemTypes.QualityReport })
            {
                services.AddScoped<IPageSection>(_ => new NamingSection(page));
            }
        });
    }
}

/// <summary>A version's, an action's and a report's page show what other modules add to them, for that item.</summary>
public sealed class ItemPageSectionsTests(SectionsServiceFactory service) : IClassFixture<SectionsServiceFactory>
{
    private async Task<string?> SectionAsync(string url) =>
        (await service.NewSession().GetAsync(url)).Document.GetElementById("answers")?.TextContent;

    [Fact]
    public async Task TheVersionActionAndReportPages_ShowTheSectionsForTheirItem()
    {
        var (consultation, runner) = await service.CreateConsultationAsync();
        await service.ConsultationsAsync(runner, (c, actor) => c.PublishVersionAsync(consultation.Slug, [("Why this matters", "Buses are late.")], "Shorter", actor));
        var version = await service.WithDatabaseAsync(db => Task.FromResult(db.DocumentVersions.Single(v => v.ConsultationId == consultation.Id && v.Number == 2).Id));
        var (group, chair) = await service.CreateGroupAsync();
        var action = await service.AddActionAsync(group, chair, new NewAction("Publish the register", chair.Id, null, new DateOnly(2031, 3, 3), []));
        var slug = TestCatalogue.Unique("sections");
        await service.ImportAsync(new SamplePackage(slug) { Title = "Harbour dues", Organisation = TestCatalogue.NewOrganisation() });
        var report = await service.WithServicesAsync(async s => await s.GetRequiredService<QualityReports>()
            .FileAsync(slug, new NewReport(null, ReportCategory.OutOfDate, "Last year's figures."), await service.PrincipalAsync(chair)));

        Assert.Contains($"Section for {ItemTypes.DocumentVersion} {version}", await SectionAsync($"/consultations/{consultation.Slug}/versions/2"), StringComparison.Ordinal);
        Assert.Contains($"Section for {ItemTypes.Action} {action.Id}", await SectionAsync($"/actions/{action.Id}"), StringComparison.Ordinal);
        Assert.Contains($"Section for {ItemTypes.QualityReport} {report.Id}", await SectionAsync($"/datasets/{slug}/reports/{report.Number}"), StringComparison.Ordinal);
    }
}
