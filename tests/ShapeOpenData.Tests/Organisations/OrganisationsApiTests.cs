using System.Net.Http.Json;
using System.Text.Json;

namespace ShapeOpenData.Tests.Organisations;

[Collection(SharedService.People)]
public sealed class OrganisationsApiTests(ServiceFactory service)
{
    [Fact]
    public async Task List_PagesThroughEveryOrganisation()
    {
        var client = service.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/organisations?pageSize=10");
        var last = await client.GetFromJsonAsync<JsonElement>("/api/v1/organisations?pageSize=10&page=5");

        Assert.Equal(45, first.GetProperty("total").GetInt32());
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Equal(5, last.GetProperty("items").GetArrayLength());
        Assert.Equal("attorney-generals-office", first.GetProperty("items")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task List_FiltersByKindCode()
    {
        var json = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/organisations?kind=non_ministerial_department&pageSize=100");

        Assert.Equal(20, json.GetProperty("total").GetInt32());
        Assert.All(json.GetProperty("items").EnumerateArray(), o => Assert.Equal("non_ministerial_department", o.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Show_ReturnsOneOrganisationInCamelCase()
    {
        var json = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/organisations/hm-treasury");

        Assert.Equal("HM Treasury", json.GetProperty("name").GetString());
        Assert.Equal("ministerial_department", json.GetProperty("kind").GetString());
        Assert.True(json.TryGetProperty("foiContact", out _));
    }

    [Fact]
    public async Task Show_Unknown_Is404ProblemDetails()
    {
        var response = await service.CreateClient().GetAsync("/api/v1/organisations/ministry-of-magic");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ministry-of-magic", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/organisations?kind=castle")]
    [InlineData("/api/v1/organisations?page=0")]
    [InlineData("/api/v1/organisations?pageSize=1000")]
    [InlineData("/api/v1/organisations?page=abc")]
    public async Task List_WithBadParameters_Is400ProblemDetails(string url)
    {
        var response = await service.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reads_CarryAnETagThatAnswers304WhenUnchanged()
    {
        var client = service.CreateClient();
        var first = await client.GetAsync("/api/v1/organisations/cabinet-office");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations/cabinet-office");
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        var other = await client.GetAsync("/api/v1/organisations/home-office");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Theory]
    [InlineData("\"stale\", {0}")]
    [InlineData("W/{0}")]
    [InlineData("*")]
    public async Task AnIfNoneMatchList_WeakTagOrStar_AnswersNotModified(string header)
    {
        var client = service.CreateClient();
        var etag = (await client.GetAsync("/api/v1/organisations/cabinet-office")).Headers.ETag!.Tag;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations/cabinet-office");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", string.Format(header, etag));
        var response = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }
}
