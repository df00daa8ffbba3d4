using System.Net.Http.Json;
using System.Text.Json;

namespace ShapeOpenData.Tests.Api;

[Trait("Databases", "one")]
[Collection(SharedService.People)]
public sealed class OpenApiTests(ServiceFactory service)
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

    /// <summary>
    /// Every operation says whether it needs a token, and says true: each one the document says needs the bearer token
    /// refuses a caller without one (401), and each one it leaves open answers such a caller without asking for one.
    /// </summary>
    [Fact]
    public async Task Document_DeclaresSecurityOnEveryOperation_AsTheEndpointsEnforceIt()
    {
        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var anonymous = service.CreateClient();
        var (open, tokenOnly) = (new List<string>(), new List<string>());

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(operation.Value.TryGetProperty("security", out var security), $"{name} declares no security");
                var requirements = security.EnumerateArray().Select(r => string.Join(",", r.EnumerateObject().Select(p => p.Name))).ToList();
                var url = path.Name.Replace("{id}", "1", StringComparison.Ordinal).Replace("{slug}", "no-such-thing", StringComparison.Ordinal)
                    .Replace("{number}", "1", StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url);
                if (operation.Name is "post" or "put" or "patch")
                {
                    request.Content = JsonContent.Create(new { });
                }
                var answer = await anonymous.SendAsync(request);
                if (requirements.SequenceEqual(["bearer"]))
                {
                    tokenOnly.Add(name);
                    Assert.True(answer.StatusCode == HttpStatusCode.Unauthorized, $"{name} is documented as needing a token but answered {answer.StatusCode} without one");
                }
                else
                {
                    Assert.Equal(["", "bearer"], requirements);
                    open.Add(name);
                    Assert.True(answer.StatusCode != HttpStatusCode.Unauthorized, $"{name} is documented as open but asked for a token");
                }
            }
        }
        Assert.Contains("GET /api/v1/requests", open);
        Assert.Contains("GET /api/v1/me", tokenOnly);
        Assert.Contains("POST /api/v1/requests", tokenOnly);
        Assert.Contains("DELETE /api/v1/requests/{id}/support", tokenOnly);
        Assert.DoesNotContain(tokenOnly, o => o.StartsWith("GET ", StringComparison.Ordinal) && o != "GET /api/v1/me");
        Assert.DoesNotContain(open, o => !o.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_ServerAddressHasNoTrailingSlash()
    {
        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var servers = document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()!).ToList();
        Assert.NotEmpty(servers);
        Assert.All(servers, url => Assert.False(url.EndsWith('/'), $"{url} ends with a slash, so every path would start with two"));
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
