using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>The service with small import pages and quick retries, so paging and retrying take a few requests and no waiting.</summary>
public sealed class CatalogueImportFactory : ServiceFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        new("Catalogue:ImportPageSize", "3"),
        new("Catalogue:ImportAttempts", "3"),
        new("Catalogue:ImportRetryDelay", "00:00:00.050"),
    ];
}

/// <summary>
/// Imports as an administrator runs them (through <see cref="CatalogueImports"/>, recorded as runs), checked in the
/// database and on the pages people see. Each test names its datasets and their source uniquely, so that one test's
/// complete import never withdraws another's datasets.
/// </summary>
public sealed class ImportTests(CatalogueImportFactory service) : IClassFixture<CatalogueImportFactory>
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Where this test's datasets come from: every complete import from it withdraws what it no longer lists.</summary>
    private string Portal => $"portal-{_run}.example.gov.uk";

    private SamplePackage Package(string name) => new($"{_run}-{name}") { Title = $"{name} {_run}" };

    private Task<(CatalogueImport Import, ImportSummary? Summary)> RunAsync(string source, Func<CkanSources, IAsyncEnumerable<CkanPage>> pages) =>
        service.Services.GetRequiredService<CatalogueImports>().RunAsync(source, pages, null, null, CancellationToken.None);

    private Task<(CatalogueImport Import, ImportSummary? Summary)> RunFileAsync(string json) =>
        RunAsync("catalogue.json", _ => CkanSources.FromFileAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));

    private async Task<ImportSummary> ImportAsync(string json)
    {
        var (import, summary) = await RunFileAsync(json);
        Assert.True(summary is not null, import.Outcome);
        return summary;
    }

    private Task<ImportSummary> ImportAsync(params SamplePackage[] packages) =>
        ImportAsync(TestCatalogue.PackageSearch(packages, Portal));

    private Task<(CatalogueImport Import, ImportSummary? Summary)> RunPortalAsync(Uri portal) =>
        RunAsync(portal.ToString(), sources => sources.FromPortalAsync(portal));

    private Task<Dataset> DatasetAsync(string slug) => service.WithDatabaseAsync(db =>
        db.Datasets.Include(d => d.Organisation).Include(d => d.Distributions).SingleAsync(d => d.Slug == slug));

    /// <summary>The datasets the public list shows for this test (its titles all hold the run's id).</summary>
    private async Task<IReadOnlyList<string>> ListedAsync()
    {
        var page = await service.NewSession().GetAsync($"/datasets?q={_run}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return [.. page.Document.QuerySelectorAll("main h2 a[href^='/datasets/']").Select(a => a.GetAttribute("href")!["/datasets/".Length..]).Order()];
    }

    [Fact]
    public async Task Import_TheRealFixtureTwice_UpdatesAndNeverDuplicates()
    {
        var json = await File.ReadAllTextAsync(TestCatalogue.RealFixturePath);
        var ids = new[] { "df1a587d-836a-4c63-b070-e5b6192117e4", "25f3bcfd-619b-43d3-82eb-255859622b9c", "98c45342-9145-46bd-a845-3cac8413178e", "5622c3ae-e31c-45e5-94ef-60bdcc736055" };

        var first = await ImportAsync(json);
        var datasetsAfterFirst = await service.WithDatabaseAsync(db => db.Datasets.CountAsync());
        var (import, second) = await RunFileAsync(json);

        Assert.Equal((4, 4), (first.Read, first.Added + first.Updated));
        Assert.Equal((4, 0, 4, 0), (second!.Read, second.Added, second.Updated, second.Withdrawn));
        Assert.Equal(datasetsAfterFirst, await service.WithDatabaseAsync(db => db.Datasets.CountAsync()));
        Assert.Equal(ids.Order(), await service.WithDatabaseAsync(db => db.Datasets.Where(d => ids.Contains(d.SourceId)).Select(d => d.SourceId).OrderBy(i => i).ToListAsync()));
        Assert.Equal((ImportState.Finished, 4, 0, 4), (import.State, import.Read, import.Added, import.Updated));
        Assert.Equal("The source has more datasets than were read, so none were marked withdrawn.", import.Outcome);

        var chart = await service.NewSession().GetAsync("/datasets/organisation-chart-cbc");
        Assert.Equal(HttpStatusCode.OK, chart.Status);
        Assert.Equal("Organisation Chart", chart.Heading);
        Assert.Single(chart.Document.QuerySelectorAll("a[href='http://datashare.colchester.gov.uk/api/council-information/organisation-chart/organisation-chart?format=JSON']"));
        Assert.Equal(5, (await DatasetAsync("organisation-chart-cbc")).Distributions.Count);
    }

    [Fact]
    public async Task Import_WhenThePublisherIsUnknown_AddsItFromTheRecord()
    {
        await ImportAsync(await File.ReadAllTextAsync(TestCatalogue.RealFixturePath));
        var newcomer = Package("survey") with { Organisation = $"survey-office-{_run}", OrganisationTitle = $"Survey Office {_run}" };
        var organisations = await service.WithDatabaseAsync(db => db.Organisations.CountAsync());

        await ImportAsync(newcomer, Package("survey-two") with { Organisation = newcomer.Organisation, OrganisationTitle = newcomer.OrganisationTitle });

        Assert.Equal(organisations + 1, await service.WithDatabaseAsync(db => db.Organisations.CountAsync()));
        Assert.Equal("Environmental Information Data Centre", await service.WithDatabaseAsync(db => db.Organisations.Where(o => o.Slug == "eidc").Select(o => o.Name).SingleAsync()));
        Assert.Equal("Colchester Borough Council", (await DatasetAsync("organisation-chart-cbc")).Organisation!.Name);
        var page = await service.NewSession().GetAsync($"/datasets/{newcomer.Name}");
        Assert.Equal($"Survey Office {_run}", page.Document.QuerySelector($"a[href='/organisations/survey-office-{_run}']")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await service.NewSession().GetAsync($"/organisations/survey-office-{_run}")).Status);
    }

    [Fact]
    public async Task Import_CrashingBetweenAPagesPublishersAndItsDatasets_KeepsNeither()
    {
        var newcomer = Package("crash") with { Organisation = $"crash-office-{_run}", OrganisationTitle = $"Crash Office {_run}" };

        SaveCrash.OnSave(3); // the run's record, the page's new publisher, then its datasets
        await Assert.ThrowsAsync<SimulatedCrashException>(() => RunFileAsync(TestCatalogue.PackageSearch([newcomer], Portal)));
        SaveCrash.OnSave(0);

        Assert.False(await service.WithDatabaseAsync(db => db.Organisations.AnyAsync(o => o.Slug == newcomer.Organisation)));
        Assert.False(await service.WithDatabaseAsync(db => db.Datasets.AnyAsync(d => d.Slug == newcomer.Name)));
        Assert.Equal(ImportState.Failed, await service.WithDatabaseAsync(db => db.CatalogueImports.OrderBy(i => i.Id).Select(i => i.State).LastAsync()));
    }

    [Fact]
    public async Task Import_WhenARecordNamesNoPublisher_ListsItUnderPublisherNotStated_WhoseReportsGoToTheProgrammeTeam()
    {
        var orphan = Package("orphan") with { WithoutOrganisation = true };
        var programme = await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true);

        var summary = await ImportAsync(orphan, Package("orphan-two") with { WithoutOrganisation = true });

        Assert.Equal((2, 0), (summary.Added, summary.Problems.Count));
        var page = await service.NewSession().GetAsync($"/datasets/{orphan.Name}");
        Assert.Equal("Publisher not stated", page.Document.QuerySelector("a[href='/organisations/publisher-not-stated']")?.TextContent);
        await service.FileReportAsync(await service.CreatePersonAsync(), orphan.Name);
        await service.Mail.WaitForAsync(programme.Email, $"New quality report on {orphan.Title}");
    }

    [Fact]
    public async Task Import_WhenThePublisherIsKnownBySlug_PublishesUnderThatOrganisation()
    {
        var organisations = await service.WithDatabaseAsync(db => db.Organisations.CountAsync());

        await ImportAsync(Package("roads") with { Organisation = "department-for-transport", OrganisationTitle = "DfT (as the portal calls it)" });

        Assert.Equal(organisations, await service.WithDatabaseAsync(db => db.Organisations.CountAsync()));
        Assert.Equal("department-for-transport", (await DatasetAsync($"{_run}-roads")).Organisation!.Slug);
        var page = await service.NewSession().GetAsync($"/datasets/{_run}-roads");
        Assert.Equal("Department for Transport", page.Document.QuerySelector("a[href='/organisations/department-for-transport']")?.TextContent);
    }

    [Fact]
    public async Task Import_WhenThePublisherIsKnownByName_PublishesUnderThatOrganisation()
    {
        var organisations = await service.WithDatabaseAsync(db => db.Organisations.CountAsync());

        await ImportAsync(Package("rail") with { Organisation = "dft", OrganisationTitle = "Department for Transport" });

        Assert.Equal(organisations, await service.WithDatabaseAsync(db => db.Organisations.CountAsync()));
        Assert.Equal("department-for-transport", (await DatasetAsync($"{_run}-rail")).Organisation!.Slug);
    }

    [Fact]
    public async Task Import_WhenSourceDropsADataset_MarksItWithdrawn()
    {
        var kept = Package("kept");
        var dropped = Package("dropped");
        await ImportAsync(kept, dropped);
        Assert.Equal([dropped.Name, kept.Name], await ListedAsync());

        var later = await ImportAsync(kept);

        Assert.Equal((true, 1, 1), (later.Complete, later.Updated, later.Withdrawn));
        Assert.NotNull((await DatasetAsync(dropped.Name)).WithdrawnAt);
        Assert.Null((await DatasetAsync(kept.Name)).WithdrawnAt);
        var page = await service.NewSession().GetAsync($"/datasets/{dropped.Name}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("its publisher no longer lists it", page.Document.QuerySelector(".govuk-warning-text")?.TextContent, StringComparison.Ordinal);
        Assert.Equal([kept.Name], await ListedAsync());
    }

    [Fact]
    public async Task Import_WhenAWithdrawnDatasetReappears_BringsItBack()
    {
        var kept = Package("always");
        var returning = Package("returning");
        await ImportAsync(kept, returning);
        await ImportAsync(kept);

        var again = await ImportAsync(kept, returning);

        Assert.Equal((0, 2, 0), (again.Added, again.Updated, again.Withdrawn));
        Assert.Null((await DatasetAsync(returning.Name)).WithdrawnAt);
        var page = await service.NewSession().GetAsync($"/datasets/{returning.Name}");
        Assert.Null(page.Document.QuerySelector(".govuk-warning-text"));
        Assert.Equal([kept.Name, returning.Name], await ListedAsync());
    }

    [Fact]
    public async Task Import_WhenTheReadIsIncomplete_WithdrawsNothing()
    {
        var first = Package("first");
        var second = Package("second");
        await ImportAsync(first, second);

        var (import, summary) = await RunFileAsync(TestCatalogue.PackageSearch([first.ToJson()], count: 2, portal: Portal));

        Assert.Equal((false, 0), (summary!.Complete, summary.Withdrawn));
        Assert.Null((await DatasetAsync(second.Name)).WithdrawnAt);
        Assert.Equal([first.Name, second.Name], await ListedAsync());
        Assert.Equal("The source has more datasets than were read, so none were marked withdrawn.", import.Outcome);
    }

    [Fact]
    public async Task Import_WhenARecordCannotBeRead_DoesNotWithdrawItsDataset()
    {
        var fine = Package("fine");
        var spoilt = Package("spoilt");
        await ImportAsync(fine, spoilt);

        // Still listed by its portal, with a title this catalogue cannot take: reported, but not gone.
        var (import, summary) = await RunFileAsync(TestCatalogue.PackageSearch(
            [fine, spoilt with { Title = new string('x', Dataset.TitleMaxLength + 1) }], Portal));

        Assert.Equal((true, 0), (summary!.Complete, summary.Withdrawn));
        Assert.Null((await DatasetAsync(spoilt.Name)).WithdrawnAt);
        Assert.Equal($"Record 2 ({spoilt.Name}): Its title is longer than {Dataset.TitleMaxLength} characters", import.Outcome);
        Assert.Equal([fine.Name, spoilt.Name], await ListedAsync());
    }

    [Fact]
    public async Task Import_WhenDistributionsChange_UpdatesAddsAndRemovesThem()
    {
        var before = Package("changing") with
        {
            Resources =
            [
                new("CSV") { Url = "https://data.example.gov.uk/changing/2024.csv", Id = "r-csv", Name = "Figures 2024" },
                new("PDF") { Url = "https://data.example.gov.uk/changing/notes.pdf", Id = "r-pdf", Name = "Notes" },
            ],
        };
        await ImportAsync(before);
        var csvId = (await DatasetAsync(before.Name)).Distributions.Single(d => d.SourceId == "r-csv").Id;

        await ImportAsync(before with
        {
            Resources =
            [
                new("CSV") { Url = "https://data.example.gov.uk/changing/2025.csv", Id = "r-csv", Name = "Figures 2025" },
                new("JSON") { Url = "https://data.example.gov.uk/changing/api", Id = "r-json", Name = "API" },
            ],
        });

        var dataset = await DatasetAsync(before.Name);
        Assert.Equal(["r-csv", "r-json"], dataset.Distributions.OrderBy(d => d.Position).Select(d => d.SourceId));
        Assert.Equal(csvId, dataset.Distributions.Single(d => d.SourceId == "r-csv").Id);
        var page = await service.NewSession().GetAsync($"/datasets/{before.Name}");
        Assert.Contains("Figures 2025", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='https://data.example.gov.uk/changing/2025.csv']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='https://data.example.gov.uk/changing/api']"));
        Assert.Null(page.Document.QuerySelector("a[href='https://data.example.gov.uk/changing/2024.csv']"));
        Assert.Null(page.Document.QuerySelector("a[href='https://data.example.gov.uk/changing/notes.pdf']"));
        Assert.DoesNotContain("Notes", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenAClosedRequestPointsAtALandingPage_LinksItAndTellsFollowers()
    {
        var requester = await service.CreatePersonAsync(withPassword: false);
        var supporter = await service.CreatePersonAsync(withPassword: false);
        var id = await service.SubmitRequestAsync(requester, title: $"Road safety data {_run}");
        await (await service.ApiClientAsync(supporter)).PutAsync($"/api/v1/requests/{id}/support", null);
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var closed = await programme.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "released", url = $"https://data.example.gov.uk/{_run}/road-safety" });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        // The portal gives the same page by http and with a trailing slash.
        var answer = Package("road-safety") with { LandingPage = $"http://data.example.gov.uk/{_run}/road-safety/" };

        var summary = await ImportAsync(answer);

        Assert.Equal(1, summary.RequestsLinked);
        var dataset = await DatasetAsync(answer.Name);
        Assert.Equal(dataset.Id, await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == id).Select(r => r.DatasetId).SingleAsync()));
        var request = await service.NewSession().GetAsync($"/requests/{id}");
        Assert.Contains("Data found in the catalogue", request.Document.QuerySelectorAll("#timeline ~ ol h3").Select(h => h.TextContent.Trim()));
        Assert.Contains($"The data is in the catalogue as \"road-safety {_run}\".", request.Text, StringComparison.Ordinal);
        var datasetPage = await service.NewSession().GetAsync($"/datasets/{answer.Name}");
        Assert.NotNull(datasetPage.Document.QuerySelector($"#answers a[href='/requests/{id}']"));
        var toSupporter = await service.Mail.WaitForAsync(supporter.Email, "Data found in the catalogue");
        await service.Mail.WaitForAsync(requester.Email, "Data found in the catalogue");
        Assert.Contains($"/requests/{id}", toSupporter.TextBody, StringComparison.Ordinal);

        var again = await ImportAsync(answer);

        Assert.Equal(0, again.RequestsLinked);
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.RequestEvents.CountAsync(e => e.RequestId == id && e.Kind == RequestEventKind.DatasetLinked)));
    }

    // Unskip when RequestWorkflow.LinkAnsweredRequestsAsync acts as the service rather than as an anonymous visitor.
    [Fact]
    public async Task Import_WhenAConfidentialRequestIsAnswered_LinksItAndTellsTheRequester()
    {
        var requester = await service.CreatePersonAsync(withPassword: false);
        var id = await service.SubmitRequestAsync(requester, title: $"Confidential data {_run}", confidential: true);
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var closed = await programme.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "released", url = $"https://data.example.gov.uk/{_run}/confidential" });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        var answer = Package("confidential") with { LandingPage = $"https://data.example.gov.uk/{_run}/confidential" };

        var (import, summary) = await RunFileAsync(TestCatalogue.PackageSearch([answer], Portal));

        Assert.True(summary is not null, import.Outcome);
        Assert.Equal(1, summary.RequestsLinked);
        Assert.Equal((await DatasetAsync(answer.Name)).Id, await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == id).Select(r => r.DatasetId).SingleAsync()));
        await service.Mail.WaitForAsync(requester.Email, "Data found in the catalogue");
    }

    [Fact]
    public async Task Import_FromAPagedPortal_ReadsEveryPageAndRetriesAFailedOne()
    {
        var packages = Enumerable.Range(1, 8).Select(i => Package($"paged-{i}")).ToList();
        await using var portal = await LocalCkanPortal.StartAsync(packages.Select(p => p.ToJson()), Portal);
        portal.FailOnceAt(start: 3);

        var (import, summary) = await RunPortalAsync(portal.Address);

        Assert.True(summary is not null, import.Outcome);
        Assert.Equal((8, 8, true, 0), (summary.Read, summary.Added, summary.Complete, summary.Problems.Count));
        Assert.Equal(Portal, summary.Source);
        Assert.Equal([(3, 0, 200), (3, 3, 503), (3, 3, 200), (3, 6, 200)], portal.Calls.Select(c => (c.Rows ?? 0, c.Start ?? 0, c.Status)));
        Assert.All(portal.Calls, c => Assert.Equal(("/api/3/action/package_search", "metadata_created asc"), (c.Path, c.Sort)));
        Assert.Equal(packages.Select(p => p.Name).Order(), await ListedAsync());
        Assert.Equal((ImportState.Finished, 8), (import.State, import.Added));

        // Complete over several pages, so a dataset the portal stops listing is withdrawn.
        portal.List(packages.Where(p => p.Name != packages[4].Name).Select(p => p.ToJson()));
        var (_, later) = await RunPortalAsync(portal.Address);

        Assert.Equal((7, 7, 1), (later!.Read, later.Updated, later.Withdrawn));
        Assert.NotNull((await DatasetAsync(packages[4].Name)).WithdrawnAt);
    }

    [Fact]
    public async Task Import_WhenThePortalKeepsFailing_FailsClearlyAfterEveryAttempt()
    {
        await using var portal = await LocalCkanPortal.StartAsync([Package("unreachable").ToJson()]);
        portal.AlwaysFailWith = 503;

        var (import, summary) = await RunPortalAsync(portal.Address);

        Assert.Null(summary);
        Assert.Equal(ImportState.Failed, import.State);
        Assert.StartsWith($"Could not get {portal.Address}api/3/action/package_search?rows=3&start=0", import.Outcome, StringComparison.Ordinal);
        Assert.EndsWith("after 3 tries: it answered 503 Service Unavailable", import.Outcome, StringComparison.Ordinal);
        Assert.Equal([503, 503, 503], portal.Calls.Select(c => c.Status));
        Assert.Empty(await ListedAsync());
    }

    [Fact]
    public async Task Import_WhenNothingAnswersAtThePortalAddress_FailsClearlyAfterEveryAttempt()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var nobody = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        listener.Stop();

        var (import, summary) = await RunPortalAsync(nobody);

        Assert.Null(summary);
        Assert.Equal(ImportState.Failed, import.State);
        Assert.StartsWith($"Could not get {nobody}api/3/action/package_search", import.Outcome, StringComparison.Ordinal);
        Assert.Contains("after 3 tries: ", import.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenThePortalAddressIsAWebPage_FailsClearly()
    {
        await using var portal = await LocalCkanPortal.StartAsync([]);
        var notAPortal = new Uri(portal.Address, "about-us/");

        var (import, summary) = await RunPortalAsync(notAPortal);

        Assert.Null(summary);
        Assert.Equal(ImportState.Failed, import.State);
        Assert.StartsWith($"{notAPortal}api/3/action/package_search?rows=3&start=0", import.Outcome, StringComparison.Ordinal);
        Assert.EndsWith("answered 404 Not Found with something that is not JSON", import.Outcome, StringComparison.Ordinal);
        Assert.Single(portal.Calls);
    }

    [Fact]
    public async Task Import_WhenManyRecordsHaveProblems_RecordsTheRunWithTheFirstOfThem()
    {
        // A resource without a web address, as many harvested records have: each dataset is kept, each gives a problem.
        var packages = Enumerable.Range(1, 600).Select(i =>
            Package($"harvested-record-with-a-typically-long-descriptive-name-{i}") with { Resources = [new("CSV"), new("HTML") { Url = "" }] });

        var (import, summary) = await RunFileAsync(TestCatalogue.PackageSearch(packages, Portal));

        Assert.True(summary is not null, import.Outcome);
        Assert.Equal((600, 600), (summary.Added, summary.Problems.Count));
        var saved = await service.WithDatabaseAsync(db => db.CatalogueImports.SingleAsync(i => i.Id == import.Id));
        Assert.Equal(ImportState.Finished, saved.State);
        Assert.StartsWith($"Record 1 ({_run}-harvested-record-with-a-typically-long-descriptive-name-1): Resource 2 was left out: it has no web address", saved.Outcome, StringComparison.Ordinal);
        Assert.Matches(@"… and [0-9]+ more problems\.$", saved.Outcome);
        Assert.InRange(saved.Outcome!.Length, 1, CatalogueImports.OutcomeMaxLength);
    }

    [Fact]
    public async Task Queue_AnUploadedFileAndAPortal_AreImportedInTheBackground()
    {
        var uploaded = Package("uploaded");
        var listed = Package("listed");
        // Another source than the file's, so that the portal's complete import does not withdraw the uploaded dataset.
        await using var portal = await LocalCkanPortal.StartAsync([listed.ToJson()], $"other-{Portal}");
        var imports = service.Services.GetRequiredService<CatalogueImports>();

        var fileRun = await imports.QueueAsync("uploaded.json", new MemoryStream(Encoding.UTF8.GetBytes(TestCatalogue.PackageSearch([uploaded], Portal))), null, CancellationToken.None);
        var portalRun = await imports.QueueAsync(portal.Address.ToString(), null, null, CancellationToken.None);

        // The runs finish on their own: wait for them, as the admin page would by reloading.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        List<CatalogueImport> runs;
        do
        {
            await Task.Delay(50);
            runs = await service.WithDatabaseAsync(db => db.CatalogueImports.Where(i => i.Id == fileRun || i.Id == portalRun).OrderBy(i => i.Id).ToListAsync());
        }
        while (runs.Any(r => r.State is ImportState.Queued or ImportState.Running) && DateTime.UtcNow < deadline);
        Assert.Equal([(ImportState.Finished, true, 1), (ImportState.Finished, false, 1)], runs.Select(r => (r.State, r.IsFile, r.Added)));
        Assert.Equal([listed.Name, uploaded.Name], await ListedAsync());
    }

    [Fact]
    public async Task Run_WhenTheImportBreaksUnexpectedly_RecordsItAsFailed()
    {
        static async IAsyncEnumerable<CkanPage> Breaking()
        {
            await Task.Yield();
            throw new InvalidOperationException("Something nobody expected");
#pragma warning disable CS0162 // An iterator needs a yield.
            yield break;
#pragma warning restore CS0162
        }
        var before = await service.WithDatabaseAsync(db => db.CatalogueImports.MaxAsync(i => (int?)i.Id)) ?? 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("breaking.json", _ => Breaking()));

        var import = await service.WithDatabaseAsync(db => db.CatalogueImports.SingleAsync(i => i.Id > before && i.Source == "breaking.json"));
        Assert.Equal(ImportState.Failed, import.State);
        Assert.NotNull(import.FinishedAt);
        Assert.Equal("The import stopped because of an unexpected error: Something nobody expected", import.Outcome);
    }
}
