using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Tests.Catalogue;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>Requests as ckanext-datarequests' actions give them: public ones only, whoever asks.</summary>
[Collection(SharedService.Requests)]
public sealed partial class CkanDataRequestsTests(ServiceFactory service)
{
    /// <summary>An organisation of the test's own, made by importing a dataset into it, so requests can be assigned to it.</summary>
    private async Task<(string Organisation, SamplePackage Package)> OrganisationWithDatasetAsync()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var package = new SamplePackage(TestCatalogue.Unique("answer")) { Title = "Answer", Organisation = organisation };
        await service.ImportAsync(package);
        return (organisation, package);
    }

    [Fact]
    public async Task ListDatarequests_HasOnlyPublicRequests_InTheExtensionsShape()
    {
        var (organisation, _) = await OrganisationWithDatasetAsync();
        var requester = await service.CreatePersonAsync(withPassword: false);
        var title = "Ferry crossings " + Guid.NewGuid().ToString("N")[..8];
        var open = await service.SubmitRequestAsync(requester, title, organisation);
        var secret = await service.SubmitRequestAsync(requester, "Secret " + Guid.NewGuid().ToString("N")[..8], organisation, confidential: true);

        var (status, body) = await service.CkanAsync($"/api/3/action/list_datarequests?organization_id={organisation}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.EndsWith("/api/3/action/help_show?name=list_datarequests", body.GetProperty("help").GetString(), StringComparison.Ordinal);
        var result = body.GetProperty("result");
        Assert.Equal(1, result.GetProperty("count").GetInt32());
        var request = result.GetProperty("result").EnumerateArray().Single();
        Assert.Equal(open.ToString(System.Globalization.CultureInfo.InvariantCulture), request.GetProperty("id").GetString());
        Assert.Equal(title, request.GetProperty("title").GetString());
        Assert.Equal("What we need.", request.GetProperty("description").GetString());
        Assert.Equal(organisation, request.GetProperty("organization_id").GetString());
        Assert.Equal(organisation, request.GetProperty("organization").GetProperty("name").GetString());
        Assert.Matches(PythonTime(), request.GetProperty("open_time").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("close_time").ValueKind);
        Assert.False(request.GetProperty("closed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("accepted_dataset_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("accepted_dataset").ValueKind);
        // Who asked is never published.
        Assert.Equal(JsonValueKind.Null, request.GetProperty("user_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("user").ValueKind);
        Assert.Equal(JsonValueKind.Number, request.GetProperty("followers").ValueKind);
        var states = result.GetProperty("facets").GetProperty("state").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(("open", 1), (states.Single().GetProperty("name").GetString(), states.Single().GetProperty("count").GetInt32()));

        var (secretStatus, secretBody) = await service.CkanAsync($"/api/3/action/show_datarequest?id={secret}");
        var (_, everything) = await service.CkanAsync("/api/3/action/list_datarequests?limit=1000");
        Assert.Equal(HttpStatusCode.NotFound, secretStatus);
        Assert.Equal("Not Found Error", secretBody.GetProperty("error").GetProperty("__type").GetString());
        Assert.DoesNotContain(everything.GetProperty("result").GetProperty("result").EnumerateArray(), r => r.GetProperty("id").GetString() == secret.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RequestClosedWithADataset_HasItAsTheAcceptedDataset()
    {
        var (organisation, package) = await OrganisationWithDatasetAsync();
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), "Bridge loads " + Guid.NewGuid().ToString("N")[..8], organisation);
        var datasetId = await service.DatasetIdAsync(package.Name);
        var team = await service.PrincipalAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        await service.WithServicesAsync(s => s.GetRequiredService<RequestWorkflow>().CloseAsync(id, team, new Closing(Outcome.Released, DatasetId: datasetId)));

        var (_, closed) = await service.CkanAsync($"/api/3/action/list_datarequests?organization_id={organisation}&closed=true");
        var (_, open) = await service.CkanAsync($"/api/3/action/list_datarequests?organization_id={organisation}&closed=false");
        var (_, shown) = await service.CkanAsync($"/api/3/action/show_datarequest?id={id}");

        Assert.Equal(0, open.GetProperty("result").GetProperty("count").GetInt32());
        var request = closed.GetProperty("result").GetProperty("result").EnumerateArray().Single();
        Assert.True(request.GetProperty("closed").GetBoolean());
        Assert.Matches(PythonTime(), request.GetProperty("close_time").GetString());
        Assert.Equal(package.Id, request.GetProperty("accepted_dataset_id").GetString());
        Assert.Equal(package.Name, request.GetProperty("accepted_dataset").GetProperty("name").GetString());
        Assert.Equal(package.Id, shown.GetProperty("result").GetProperty("accepted_dataset_id").GetString());
    }

    [Fact]
    public async Task ListDatarequests_PagesOldestFirstUnlessSortIsDesc()
    {
        var (organisation, _) = await OrganisationWithDatasetAsync();
        var requester = await service.CreatePersonAsync(withPassword: false);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await service.SubmitRequestAsync(requester, $"Paged request {i} {Guid.NewGuid():N}"[..30], organisation));
        }
        var expected = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        async Task<List<string>> Ids(string query) => [.. (await service.CkanAsync($"/api/3/action/list_datarequests?organization_id={organisation}&{query}"))
            .Body.GetProperty("result").GetProperty("result").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

        Assert.Equal(expected, await Ids("limit=10"));
        Assert.Equal(expected[1..], await Ids("offset=1&limit=2"));
        Assert.Equal(Enumerable.Reverse(expected), await Ids("sort=desc"));
    }

    [Fact]
    public async Task Errors_AreCkans()
    {
        var (missingId, missingIdBody) = await service.CkanAsync("/api/3/action/show_datarequest");
        var (unknown, _) = await service.CkanAsync("/api/3/action/show_datarequest?id=999999999");
        var (unknownOrganisation, _) = await service.CkanAsync("/api/3/action/list_datarequests?organization_id=no-such-organisation");
        var (badLimit, badLimitBody) = await service.CkanAsync("/api/3/action/list_datarequests?limit=-5");

        Assert.Equal(HttpStatusCode.Conflict, missingId);
        Assert.Equal("Data Request ID has not been included", missingIdBody.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.NotFound, unknownOrganisation);
        Assert.Equal(HttpStatusCode.Conflict, badLimit);
        Assert.Equal("Must be a natural number", badLimitBody.GetProperty("error").GetProperty("limit")[0].GetString());
    }

    /// <summary>Python's <c>str(datetime)</c>, as the extension writes times.</summary>
    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")]
    private static partial Regex PythonTime();
}
