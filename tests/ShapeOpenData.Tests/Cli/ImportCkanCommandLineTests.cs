using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Tests.Catalogue;

namespace ShapeOpenData.Tests.Cli;

/// <summary><c>import-ckan FILE|URL</c> run as an operator runs it, on the service's database.</summary>
// Its own service: importing adds the portals' publishers as organisations, which tests on the shared services count.
public sealed class ImportCkanCommandLineTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    /// <summary>The command on the service's database, allowed to read the test portals on 127.0.0.1 unless the settings say otherwise.</summary>
    private Task<ProgramRun> RunAsync(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args) =>
        ProgramRun.InProcessAsync([.. service.DatabaseSettings, new("Catalogue:AllowPrivateSources", "true"), .. settings], args);

    /// <summary>What the command printed for its operator: standard output without the service's JSON log lines.</summary>
    private static List<string> Printed(ProgramRun run) =>
        [.. run.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("{\"Timestamp\"", StringComparison.Ordinal))];

    [Fact]
    public async Task ImportCkan_FromAFile_PrintsWhatItDidAndAgainUpdatesOnly()
    {
        var first = await RunAsync([], "import-ckan", TestCatalogue.RealFixturePath);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(
            ["Read 4 datasets from ckan.publishing.service.gov.uk: 4 added, 0 updated, 0 withdrawn, 0 answered requests linked, 0 problems.",
             "The source has more datasets than were read, so none were marked withdrawn."],
            Printed(first));
        Assert.Equal(HttpStatusCode.OK, (await service.NewSession().GetAsync("/datasets/organisation-chart-cbc")).Status);

        var second = await RunAsync([], "import-ckan", TestCatalogue.RealFixturePath);

        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("Read 4 datasets from ckan.publishing.service.gov.uk: 0 added, 4 updated, 0 withdrawn,", Printed(second)[0], StringComparison.Ordinal);
        Assert.Equal(4, await service.WithDatabaseAsync(db => db.Datasets.CountAsync(d => d.Source == "ckan.publishing.service.gov.uk")));
        var runs = await service.WithDatabaseAsync(db => db.CatalogueImports.Where(i => i.Source == "real-package-search.json").Select(i => i.State).ToListAsync());
        Assert.Equal([ImportState.Finished, ImportState.Finished], runs);
        // Run by the service, not a person: each run is audited with no actor.
        var audited = (await service.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.EntityType == "catalogue_import").OrderBy(e => e.Id).ToListAsync()))
            .Where(e => e.After.Field("source") == "real-package-search.json");
        Assert.Equal([("finished", (int?)null, "4", "0"), ("finished", null, "0", "4")],
            audited.Select(e => (e.Action, e.ActorId, e.After.Field("added"), e.After.Field("updated"))));
    }

    [Trait("Databases", "one")] // the command refuses before it writes a dataset
    [Fact]
    public async Task ImportCkan_WhenTheFileIsMissing_SaysSoAndFails()
    {
        var missing = Path.Combine(service.DataDirectory, "no-such-catalogue.json");

        var run = await RunAsync([], "import-ckan", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"There is no file {missing}, and {missing} is not an http or https address.", run.Error, StringComparison.Ordinal);
        Assert.Empty(Printed(run));
    }

    [Fact]
    public async Task ImportCkan_FromAPortal_PagesThroughIt()
    {
        var packages = Enumerable.Range(1, 5).Select(i => new SamplePackage($"cli-portal-{i}")).ToList();
        await using var portal = await LocalCkanPortal.StartAsync(packages.Select(p => p.ToJson()));

        var run = await RunAsync([new("Catalogue:ImportPageSize", "2")], "import-ckan", portal.Address.ToString());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal([$"Read 5 datasets from {portal.Address.Authority}: 5 added, 0 updated, 0 withdrawn, 0 answered requests linked, 0 problems."], Printed(run));
        Assert.Equal([(2, 0), (2, 2), (2, 4)], portal.Calls.Select(c => (c.Rows ?? 0, c.Start ?? 0)));
        Assert.Equal(HttpStatusCode.OK, (await service.NewSession().GetAsync("/datasets/cli-portal-5")).Status);
    }

    [Fact]
    public async Task ImportCkan_WhenThePortalHasMoreThanTheLimit_StopsThereAndWithdrawsNothing()
    {
        var packages = Enumerable.Range(1, 5).Select(i => new SamplePackage($"cli-limited-{i}")).ToList();
        await using var portal = await LocalCkanPortal.StartAsync(packages.Select(p => p.ToJson()));

        var run = await RunAsync([new("Catalogue:ImportPageSize", "2"), new("Catalogue:ImportMaxDatasets", "3")], "import-ckan", portal.Address.ToString());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            [$"Read 3 datasets from {portal.Address.Authority}: 3 added, 0 updated, 0 withdrawn, 0 answered requests linked, 0 problems.",
             "The source has more datasets than were read, so none were marked withdrawn."],
            Printed(run));
        Assert.Equal([(2, 0), (1, 2)], portal.Calls.Select(c => (c.Rows ?? 0, c.Start ?? 0)));
        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync("/datasets/cli-limited-4")).Status);
    }

    [Trait("Databases", "one")] // the command refuses before it writes a dataset
    [Fact]
    public async Task ImportCkan_WhenThePortalIsDown_SaysWhyAndFails()
    {
        await using var portal = await LocalCkanPortal.StartAsync([]);
        portal.AlwaysFailWith = 503;

        var run = await RunAsync([new("Catalogue:ImportAttempts", "2"), new("Catalogue:ImportRetryDelay", "00:00:00.010")],
            "import-ckan", portal.Address.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"The import failed: Could not get {portal.Address}api/3/action/package_search", run.Error, StringComparison.Ordinal);
        Assert.Contains("after 2 tries: it answered 503 Service Unavailable", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, portal.Calls.Count);
        Assert.Empty(Printed(run));
    }

    /// <summary>An address whose name resolves to this machine is refused before anything is fetched, and the operator is told how to allow it.</summary>
    [Trait("Databases", "one")] // the command refuses before it writes a dataset
    [Fact]
    public async Task ImportCkan_FromALocalAddress_IsRefusedAndSaysWhy()
    {
        await using var portal = await LocalCkanPortal.StartAsync([new SamplePackage("cli-refused-1").ToJson()]);

        var run = await RunAsync([new("Catalogue:AllowPrivateSources", "false")], "import-ckan", $"http://localhost:{portal.Address.Port}/");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Refused: localhost is at ", run.Error, StringComparison.Ordinal);
        Assert.Contains(", a private or local address, which the import does not read from. " +
                        "To import from a portal on a private network, set Catalogue:AllowPrivateSources=true.", run.Error, StringComparison.Ordinal);
        Assert.Empty(portal.Calls);
        Assert.Empty(Printed(run));
    }

    [Trait("Databases", "one")] // the command refuses before it writes a dataset
    [Fact]
    public async Task ImportCkan_APageLargerThanTheLimit_IsNotReadAndSaysWhy()
    {
        var packages = Enumerable.Range(1, 5).Select(i => new SamplePackage($"cli-large-{i}")).ToList();
        await using var portal = await LocalCkanPortal.StartAsync(packages.Select(p => p.ToJson()));

        var run = await RunAsync([new("Catalogue:ImportMaxPageBytes", "2000")], "import-ckan", portal.Address.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("sent a page larger than 2,000 bytes, the most the import reads", run.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync("/datasets/cli-large-1")).Status);
    }
}
