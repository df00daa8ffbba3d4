using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Tests.Catalogue;

namespace ShapeOpenData.Tests.Cli;

/// <summary>
/// An operator imports a real catalogue before the first start in Development (which seeds the demo content the
/// way <c>seed-demo</c> does): the demo is seeded around that catalogue, and its datasets without a publisher
/// are listed under "Publisher not stated".
/// </summary>
// Which demo content is left out is decided by the seeding, not the database; import-ckan and seed-demo each run on both
// databases elsewhere (ImportCkanCommandLineTests, SeedDemoCommandTests).
[RunsProcesses, Trait("Databases", "one")]
public sealed class CatalogueBeforeDemoTests(CatalogueBeforeDemoTests.Factory service) : IClassFixture<CatalogueBeforeDemoTests.Factory>
{
    /// <summary>
    /// The import and the seeding run before the service starts, as on a first start: a running service's scheduled work
    /// (closing consultations by today's date) would otherwise act on demo content still being written in the past.
    /// </summary>
    public sealed class Factory : ServiceFactory
    {
        public ProgramRun Import { get; private set; } = null!;
        public ProgramRun Seed { get; private set; } = null!;

        protected override async Task BeforeStartAsync()
        {
            Directory.CreateDirectory(DataDirectory);
            var file = Path.Combine(DataDirectory, "without-publishers.json");
            await File.WriteAllTextAsync(file, TestCatalogue.PackageSearch(
                [new SamplePackage("lost-bus-stops") { WithoutOrganisation = true }, new SamplePackage("lost-road-works") { WithoutOrganisation = true }]));
            Import = await ProgramRun.RunAsync(DatabaseSettings, "import-ckan", file);
            Seed = await ProgramRun.RunAsync(
                [.. DatabaseSettings, new("Logging:LogLevel:ShapeOpenData.Modules.Catalogue.DemoCatalogue", "Information")], "seed-demo");
        }
    }

    [Fact]
    public async Task ImportCkanThenSeedDemo_SeedsAroundTheCatalogue()
    {
        var (import, seed) = (service.Import, service.Seed);

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains(": 2 added, 0 updated, 0 withdrawn, 0 answered requests linked, 0 problems.", import.Output, StringComparison.Ordinal);
        Assert.True(seed.ExitCode == 0, seed.Error);
        Assert.Contains("Demo content added.", seed.Output, StringComparison.Ordinal);
        Assert.Contains("The catalogue already holds 2 datasets, so the demo catalogue and its quality reports were left out", seed.Error, StringComparison.Ordinal);

        var listed = await service.NewSession().GetAsync("/datasets?Publisher=publisher-not-stated");
        Assert.Equal(["/datasets/lost-bus-stops", "/datasets/lost-road-works"],
            listed.Document.QuerySelectorAll("main h2 a[href^='/datasets/']").Select(a => a.GetAttribute("href")).Order());
        // The demo request answered with a demo dataset is answered with a web address instead.
        var bus = await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Title.StartsWith("Bus punctuality"))
            .Select(r => new { r.DatasetId, r.OutcomeUrl }).SingleAsync());
        Assert.Equal((null, true), (bus.DatasetId, bus.OutcomeUrl is not null));
    }
}
