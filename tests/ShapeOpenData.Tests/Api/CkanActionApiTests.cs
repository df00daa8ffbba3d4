using System.Net.Http.Json;
using System.Text.Json;

namespace ShapeOpenData.Tests.Api;

/// <summary>CKAN's Action API answers the actions the modules contribute, and describes each of them with help_show.</summary>
[Collection(SharedService.People)]
public sealed class CkanActionApiTests(ServiceFactory service)
{
    [Theory]
    [InlineData("package_search", "Searches for datasets.")]                      // the catalogue's
    [InlineData("organization_show", "Returns one organization, by name or id.")]
    [InlineData("list_datarequests", "Returns public data requests.")]            // the requests'
    [InlineData("show_datarequest", "Returns one public data request, by id.")]
    [InlineData("help_show", "Returns the documentation of the action given as name.")]
    public async Task HelpShow_DescribesEveryModulesActions(string action, string help)
    {
        var (status, body) = await CkanAsync($"/api/3/action/help_show?name={action}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.StartsWith(help, body.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/api/3/action/help_show?name=help_show", body.GetProperty("help").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpShow_UnknownOrMissingName_AreCkansErrors()
    {
        var (unknown, unknownBody) = await CkanAsync("/api/action/help_show?name=package_delete");
        var (missing, missingBody) = await CkanAsync("/api/3/action/help_show");

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("Not found: Action function not found", unknownBody.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Conflict, missing);
        Assert.Equal("Missing value", missingBody.GetProperty("error").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task TheActionApi_StaysOutOfOurOpenApiDocument()
    {
        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/organisations", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/api/3/action", StringComparison.Ordinal) || p.StartsWith("/api/action", StringComparison.Ordinal));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CkanAsync(string url)
    {
        var response = await service.CreateClient().GetAsync(url);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
