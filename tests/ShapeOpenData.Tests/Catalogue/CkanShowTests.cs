using System.Net.Http.Json;
using System.Text.Json;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>CKAN's actions for one dataset, the list of names and organisations, and what a withdrawn dataset looks like.</summary>
[Collection(SharedService.Publishing)]
public sealed class CkanShowTests(ServiceFactory service)
{
    [Fact]
    public async Task PackageShow_FindsByNameAndByCkanId()
    {
        var package = new SamplePackage(TestCatalogue.Unique("show")) { Title = "Shown", Organisation = TestCatalogue.NewOrganisation() };
        await service.ImportAsync(package);

        var (byName, named) = await service.CkanAsync($"/api/3/action/package_show?id={package.Name}");
        var (byId, identified) = await service.CkanAsync($"/api/action/package_show?id={package.Id}");

        Assert.Equal(HttpStatusCode.OK, byName);
        Assert.Equal(HttpStatusCode.OK, byId);
        Assert.Equal(package.Id, named.GetProperty("result").GetProperty("id").GetString());
        Assert.Equal(package.Name, identified.GetProperty("result").GetProperty("name").GetString());
        Assert.EndsWith("/api/3/action/help_show?name=package_show", named.GetProperty("help").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageShow_UnknownId_Is404NotFoundError()
    {
        var (status, body) = await service.CkanAsync("/api/3/action/package_show?id=no-such-dataset");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("Not Found Error", body.GetProperty("error").GetProperty("__type").GetString());
        Assert.Equal("Not found", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PackageShow_WithoutId_Is409MissingValue()
    {
        var (status, body) = await service.CkanAsync("/api/3/action/package_show");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Validation Error", body.GetProperty("error").GetProperty("__type").GetString());
        Assert.Equal("Missing value", body.GetProperty("error").GetProperty("id")[0].GetString());
    }

    [Fact]
    public async Task WithdrawnDataset_IsNotSearchableButShowsAsDeleted()
    {
        var organisation = TestCatalogue.NewOrganisation();
        var source = TestCatalogue.NewSource();
        var kept = new SamplePackage(TestCatalogue.Unique("kept")) { Title = "Kept", Organisation = organisation };
        var gone = new SamplePackage(TestCatalogue.Unique("gone")) { Title = "Gone", Organisation = organisation };
        await service.ImportAsync(source, kept, gone);
        var summary = await service.ImportAsync(source, kept);
        Assert.Equal(1, summary.Withdrawn);

        var (_, search) = await service.CkanAsync($"/api/3/action/package_search?fq=organization:{organisation}");
        var (_, byName) = await service.CkanAsync($"/api/3/action/package_search?q=name:{gone.Name}");
        var (status, shown) = await service.CkanAsync($"/api/3/action/package_show?id={gone.Name}");
        var (_, names) = await service.CkanAsync("/api/3/action/package_list");

        Assert.Equal([kept.Name], search.GetProperty("result").GetProperty("results").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(0, byName.GetProperty("result").GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("deleted", shown.GetProperty("result").GetProperty("state").GetString());
        var listed = names.GetProperty("result").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains(kept.Name, listed);
        Assert.DoesNotContain(gone.Name, listed);
    }

    [Fact]
    public async Task PackageList_PagesWithLimitAndOffsetInNameOrder()
    {
        await service.ImportAsync(new SamplePackage(TestCatalogue.Unique("list")) { Title = "A", Organisation = TestCatalogue.NewOrganisation() },
            new SamplePackage(TestCatalogue.Unique("list")) { Title = "B", Organisation = TestCatalogue.NewOrganisation() });

        var (_, all) = await service.CkanAsync("/api/3/action/package_list");
        var (_, page) = await service.CkanAsync("/api/3/action/package_list?limit=1&offset=1");

        var names = all.GetProperty("result").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal([names[1]], page.GetProperty("result").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task Organizations_ListedAndShownWithTheirDatasetCount()
    {
        var organisation = TestCatalogue.NewOrganisation();
        await service.ImportAsync(new SamplePackage(TestCatalogue.Unique("org")) { Title = "A", Organisation = organisation },
            new SamplePackage(TestCatalogue.Unique("org")) { Title = "B", Organisation = organisation });

        var (_, names) = await service.CkanAsync("/api/3/action/organization_list");
        var (_, full) = await service.CkanAsync("/api/3/action/organization_list?all_fields=true&sort=package_count%20desc&limit=1000");
        var (_, shown) = await service.CkanAsync($"/api/3/action/organization_show?id={organisation}");
        var (missing, _) = await service.CkanAsync("/api/3/action/organization_show?id=no-such-organisation");

        Assert.Contains(organisation, names.GetProperty("result").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("department-for-transport", names.GetProperty("result").EnumerateArray().Select(n => n.GetString()));
        // all_fields gives at most 25, as CKAN does unless configured otherwise.
        Assert.Equal(25, full.GetProperty("result").GetArrayLength());
        var result = shown.GetProperty("result");
        Assert.Equal(organisation, result.GetProperty("name").GetString());
        Assert.Equal(TestCatalogue.OrganisationTitle(organisation), result.GetProperty("display_name").GetString());
        Assert.Equal(2, result.GetProperty("package_count").GetInt32());
        Assert.True(result.GetProperty("is_organization").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task HelpShow_DescribesTheActionTheHelpLinkNames()
    {
        var (_, search) = await service.CkanAsync("/api/3/action/package_search?rows=0");
        var help = new Uri(search.GetProperty("help").GetString()!);

        var (status, body) = await service.CkanAsync(help.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Searches for datasets", body.GetProperty("result").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAction_Is400WithCkansMessage()
    {
        var response = await service.CreateClient().GetAsync("/api/3/action/package_delete?id=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad request - Action name not known: package_delete", await response.Content.ReadFromJsonAsync<string>());
    }

    [Fact]
    public async Task PostedBodyThatIsNotAnObject_Is400()
    {
        var response = await service.CreateClient().PostAsync("/api/3/action/package_show", new StringContent("[1, 2]", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Bad request - JSON Error", await response.Content.ReadFromJsonAsync<string>(), StringComparison.Ordinal);
    }
}
