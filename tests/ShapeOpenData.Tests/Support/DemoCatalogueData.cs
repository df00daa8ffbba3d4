using Microsoft.Extensions.DependencyInjection;
using ShapeOpenData.Modules.Catalogue;

namespace ShapeOpenData.Tests.Support;

/// <summary>The demo catalogue (300 datasets in CKAN's shape), imported the way any portal's is.</summary>
public static class DemoCatalogueData
{
    /// <summary>Imports the demo catalogue; importing again only updates.</summary>
    public static Task<ImportSummary> ImportDemoCatalogueAsync(this ServiceFactory service) => service.WithServicesAsync(async s =>
    {
        await using var file = typeof(CatalogueImporter).Assembly.GetManifestResourceStream(CatalogueModule.DemoCatalogueResource)!;
        return await s.GetRequiredService<CatalogueImporter>().ImportAsync(CkanSources.FromFileAsync(file), "demo catalogue");
    });

    /// <summary>A quality report filed through the real workflow, as <paramref name="reporter"/>; returns its number.</summary>
    public static Task<int> FileReportAsync(this ServiceFactory service, Person reporter, string dataset,
        ReportCategory category = ReportCategory.BrokenLink, string details = "The link to the CSV file is broken.") =>
        service.WithServicesAsync(async s =>
        {
            var report = await s.GetRequiredService<QualityReports>().FileAsync(dataset, new NewReport(null, category, details), await service.PrincipalAsync(reporter));
            return report.Number;
        });
}

/// <summary>The service with the demo catalogue imported once, before its first test.</summary>
public sealed class CatalogueServiceFactory : ServiceFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.ImportDemoCatalogueAsync();
    }
}
