using System.Net.Http.Json;
using System.Text.Json;

namespace ShapeOpenData.Tests.Api;

public sealed class OpenApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Document_IsOpenApi31AndDescribesEveryEndpoint()
    {
        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/deadlines", paths);
        Assert.Contains("/api/v1/organisations", paths);
        Assert.Contains("/api/v1/organisations/{slug}", paths);
        Assert.Contains("/api/v1/me", paths);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task ReferencePage_ListsTheOperationsWithoutJavaScript()
    {
        var page = await service.NewSession().GetAsync("/api-docs");

        Assert.Equal("API reference", page.Heading);
        Assert.NotNull(page.Document.GetElementById("GetDeadline"));
        Assert.NotNull(page.Document.GetElementById("ListOrganisations"));
        Assert.Contains("/api/v1/deadlines", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("main script"));
    }

    [Fact]
    public async Task UnknownApiAddress_Is404ProblemDetailsNotAPage()
    {
        var response = await service.CreateClient().GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_LiveAndReady()
    {
        var client = service.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }
}
