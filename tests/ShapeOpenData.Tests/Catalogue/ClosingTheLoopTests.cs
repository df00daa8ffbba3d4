using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>A request answered with a catalogue dataset: chosen on the close page, shown on both pages, and its followers told.</summary>
[Collection(SharedService.Catalogue)]
public sealed class ClosingTheLoopTests(CatalogueServiceFactory service)
{
    private async Task<(int Id, Person Supporter, WebSession Manager)> OpenRequestAsync()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), organisation: "department-for-transport");
        var supporter = await service.CreatePersonAsync(withPassword: false);
        await (await service.ApiClientAsync(supporter)).PutAsync($"/api/v1/requests/{id}/support", null);
        var manager = service.NewSession();
        await manager.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true));
        return (id, supporter, manager);
    }

    [Fact]
    public async Task Close_WithADatasetTitle_LinksTheRequestAndTheDataset()
    {
        var (id, supporter, manager) = await OpenRequestAsync();

        var closed = await manager.SubmitAsync(await manager.GetAsync($"/requests/{id}/manage/close"),
            ("Outcome", "released"), ("DatasetSearch", "Bus punctuality by operator"), ("Explanation", "Now published monthly."));

        Assert.Equal("The request has been closed", closed.Flash);
        var link = closed.Document.GetElementById("dataset")!.QuerySelector("a")!;
        Assert.Equal("/datasets/bus-punctuality-by-operator", link.GetAttribute("href"));
        var dataset = await service.NewSession().GetAsync("/datasets/bus-punctuality-by-operator");
        Assert.NotNull(dataset.Document.GetElementById("answers")!.QuerySelector($"a[href='/requests/{id}']"));
        var email = await service.Mail.WaitForAsync(supporter.Email, "Closed");
        Assert.Contains("/datasets/bus-punctuality-by-operator", email.TextBody, StringComparison.Ordinal);
        var api = await service.CreateClient().GetStringAsync($"/api/v1/requests/{id}");
        Assert.Contains("\"dataset\":\"bus-punctuality-by-operator\"", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_WhenSeveralDatasetsMatch_ListsThemToChooseFrom()
    {
        var (id, _, manager) = await OpenRequestAsync();
        var form = await manager.GetAsync($"/requests/{id}/manage/close");

        var ambiguous = await manager.SubmitAsync(form, ("Outcome", "released"), ("DatasetSearch", "road traffic"));

        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.Status);
        Assert.Equal([("Several datasets match. Select the one that answers the request", "DatasetSearch")], ambiguous.Errors);
        var choices = ambiguous.Document.QuerySelectorAll("#dataset-matches input[name=DatasetSlug]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("road-traffic-statistics", choices);

        var closed = await manager.SubmitAsync(ambiguous, ("Outcome", "released"), ("DatasetSearch", "road traffic"), ("DatasetSlug", "road-traffic-statistics"));
        Assert.Equal("The request has been closed", closed.Flash);
        Assert.Equal(await service.WithDatabaseAsync(db => db.Datasets.Where(d => d.Slug == "road-traffic-statistics").Select(d => (int?)d.Id).SingleAsync()),
            await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == id).Select(r => r.DatasetId).SingleAsync()));
    }

    [Fact]
    public async Task Close_WithNoMatchNoAddressOrBoth_SaysWhatToDo()
    {
        var (id, _, manager) = await OpenRequestAsync();
        var form = await manager.GetAsync($"/requests/{id}/manage/close");

        var nothing = await manager.SubmitAsync(form, ("Outcome", "released"));
        var noMatch = await manager.SubmitAsync(form, ("Outcome", "released"), ("DatasetSearch", "zebra crossings on the moon"));
        var both = await manager.SubmitAsync(form, ("Outcome", "released"), ("DatasetSearch", "Bus punctuality by operator"), ("DataUrl", "https://example.org/bus.csv"));

        Assert.Equal("Find the dataset in the catalogue, or enter the address where the data is published", nothing.FieldError("DatasetSearch"));
        Assert.Equal("No dataset in the catalogue matches \"zebra crossings on the moon\". Try other words, or give the address of the data", noMatch.FieldError("DatasetSearch"));
        Assert.Equal("Leave the address empty when you choose a dataset from the catalogue", both.FieldError("DataUrl"));
        Assert.All(new[] { nothing, noMatch, both }, page => Assert.Equal(HttpStatusCode.BadRequest, page.Status));
        Assert.True(await service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == id).Select(r => r.State != RequestState.Closed).SingleAsync()));
    }

    [Fact]
    public async Task Close_ThroughTheApi_TakesTheDatasetSlug()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), organisation: "department-for-transport");
        var api = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));

        var unknown = await api.PostAsync($"/api/v1/requests/{id}/close", JsonContent.Create(new { outcome = "released", dataset = "no-such-dataset" }));
        var closed = await api.PostAsync($"/api/v1/requests/{id}/close", JsonContent.Create(new { outcome = "already_available", dataset = "road-traffic-statistics" }));

        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Contains("There is no dataset 'no-such-dataset' in the catalogue", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Contains("\"dataset\":\"road-traffic-statistics\"", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
