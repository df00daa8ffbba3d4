using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Tests.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Site;

/// <summary>
/// Issue 12: a page number is multiplied into the database's OFFSET, so one too big overflowed it (a 500 on
/// PostgreSQL, a silently wrong page on SQLite). Every list bounds it: the API and the pages answer 400 beyond the
/// last page a list could have; CKAN's actions refuse an offset beyond the same bound, in CKAN's own shape.
/// </summary>
[Trait("Databases", "one")]
[Collection(SharedService.People)]
public sealed class PageNumberBoundsTests(ServiceFactory service)
{
    [Theory]
    [InlineData("/api/v1/requests?page=2147483647")]
    [InlineData("/api/v1/datasets?page=2147483647")]
    [InlineData("/api/v1/organisations?page=2147483647")]
    [InlineData("/api/v1/groups?page=2147483647")]
    [InlineData("/api/v1/meetings?page=2147483647")]
    [InlineData("/api/v1/actions?page=2147483647")]
    [InlineData("/api/v1/requests?page=10001")]
    public async Task ApiList_BeyondTheLastPossiblePage_Is400NamingPage(string url)
    {
        var response = await service.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("page", out _));
    }

    [Theory]
    [InlineData("/api/v1/requests?page=99999999999")]
    [InlineData("/api/v1/datasets?page=99999999999")]
    [InlineData("/api/v1/groups?page=99999999999")]
    public async Task ApiList_APageTooBigForANumber_Is400Problem(string url)
    {
        var response = await service.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ApiList_TheLastPossiblePage_IsAnEmptyPage()
    {
        var list = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/requests?page=10000&pageSize=100");

        Assert.Equal(10_000, list.GetProperty("page").GetInt32());
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/requests", "2147483647")]
    [InlineData("/requests", "99999999999")]
    [InlineData("/requests", "0")]
    [InlineData("/datasets", "2147483647")]
    [InlineData("/datasets", "99999999999")]
    [InlineData("/quality-reports", "2147483647")]
    [InlineData("/quality-reports", "99999999999")]
    public async Task ListPage_BeyondTheLastPossiblePage_Is400WithTheReason(string path, string page)
    {
        var shown = await service.NewSession().GetAsync($"{path}?page={page}");

        Assert.Equal(HttpStatusCode.BadRequest, shown.Status);
        Assert.Equal(["Enter a page number from 1 to 10,000"], shown.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("99999999999")]
    public async Task AuditLog_BeyondTheLastPossiblePage_Is400WithTheReason(string page)
    {
        var programme = service.NewSession();
        await programme.SignInAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));

        var shown = await programme.GetAsync($"/admin/audit?page={page}");

        Assert.Equal(HttpStatusCode.BadRequest, shown.Status);
        Assert.Equal(["Enter a page number from 1 to 10,000"], shown.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("package_search?start=2147483647", "start")]
    [InlineData("package_list?offset=2147483647", "offset")]
    [InlineData("organization_list?offset=2147483647", "offset")]
    [InlineData("list_datarequests?offset=2147483647", "offset")]
    [InlineData("package_search?start=99999999999", "start")]
    public async Task CkanAction_BeyondTheLastPossibleOffset_IsAValidationError(string call, string parameter)
    {
        var (status, body) = await service.CkanAsync($"/api/3/action/{call}");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.True(body.GetProperty("error").TryGetProperty(parameter, out _), body.ToString());
    }
}
