using System.Net.Http.Json;
using System.Text.Json;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Accounts;

[Collection(SharedService.People)]
public sealed class ApiTokensTests(ServiceFactory service)
{
    private HttpClient ApiClient(string token)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Create_ShowsTheTokenOnceAndItWorksOnTheApi()
    {
        var person = await service.CreatePersonAsync(name: "Tilly Token");
        var session = service.NewSession();
        await session.SignInAsync(person);

        var created = await session.SubmitAsync(await session.GetAsync("/account/api-tokens"), [new("Name", "Nightly export"), new("Password", ServiceFactory.Password)], "form[action*=Create]");
        var token = created.Document.GetElementById("new-token")!.TextContent.Trim();
        Assert.StartsWith("sod_", token, StringComparison.Ordinal);
        Assert.Contains("Nightly export", created.Text, StringComparison.Ordinal);

        var again = await session.GetAsync("/account/api-tokens");
        Assert.DoesNotContain(token, again.Body, StringComparison.Ordinal);
        Assert.Contains(token[..10], again.Body, StringComparison.Ordinal);

        var me = await ApiClient(token).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Tilly Token", me.GetProperty("displayName").GetString());
        Assert.Equal(person.Id, me.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Revoke_StopsTheTokenWorking()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);
        var created = await session.SubmitAsync(await session.GetAsync("/account/api-tokens"), [new("Name", "Short-lived"), new("Password", ServiceFactory.Password)], "form[action*=Create]");
        var token = created.Document.GetElementById("new-token")!.TextContent.Trim();
        Assert.Equal(HttpStatusCode.OK, (await ApiClient(token).GetAsync("/api/v1/me")).StatusCode);

        var revoked = await session.SubmitAsync(await session.GetAsync("/account/api-tokens"), selector: "form[action*=Revoke]");

        Assert.Equal("The token has been revoked. It no longer works", revoked.Flash);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClient(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task CreateAndRevoke_AreAuditedWithTheNameButNeverTheSecret()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);
        var created = await session.SubmitAsync(await session.GetAsync("/account/api-tokens"), [new("Name", "Audited script"), new("Password", ServiceFactory.Password)], "form[action*=Create]");
        var secret = created.Document.GetElementById("new-token")!.TextContent.Trim();
        var token = await service.WithDatabaseAsync(db => Task.FromResult(db.ApiTokens.Single(t => t.UserId == person.Id)));

        await session.SubmitAsync(await session.GetAsync("/account/api-tokens"), selector: "form[action*=Revoke]");

        var trail = await service.AuditTrailAsync("api_token", token.Id);
        Assert.Equal(["created", "revoked"], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal(person.Id, e.ActorId));
        Assert.Null(trail[0].Before);
        Assert.Equal(("Audited script", null), (trail[0].After.Field("name"), trail[0].After.Field("revokedAt")));
        Assert.Equal(person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), trail[0].After.Field("userId"));
        Assert.Null(trail[1].Before.Field("revokedAt"));
        Assert.NotNull(trail[1].After.Field("revokedAt"));
        foreach (var snapshot in trail.SelectMany(e => new[] { e.Before, e.After }).OfType<string>())
        {
            Assert.DoesNotContain(secret[ApiToken.Prefix.Length..], snapshot, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Hash, snapshot, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Hint, snapshot, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Create_WithoutAName_SaysSo()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await session.SubmitAsync(await session.GetAsync("/account/api-tokens"), [new("Name", " "), new("Password", ServiceFactory.Password)], "form[action*=Create]");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Enter a name for the token", page.FieldError("Name"));
    }

    [Fact]
    public async Task SomeoneElsesToken_CannotBeRevoked()
    {
        var owner = await service.CreatePersonAsync();
        var token = await service.WithServicesAsync(s => s.GetRequiredService<ApiTokens>().IssueAsync(owner.Id, "Owner's"));
        var tokenId = await service.WithDatabaseAsync(db => Task.FromResult(db.ApiTokens.Single(t => t.UserId == owner.Id).Id));
        var intruder = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(intruder);
        var page = await session.GetAsync("/account/api-tokens");

        await session.Http.PostAsync($"/account/api-tokens?handler=Revoke&id={tokenId}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));

        Assert.Equal(HttpStatusCode.OK, (await ApiClient(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("sod_not-a-real-token")]
    [InlineData("garbage")]
    public async Task AnUnknownToken_Gets401ProblemDetails(string token)
    {
        var response = await ApiClient(token).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task TheApi_DoesNotAcceptTheSignInCookie()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task StaffRoles_ThroughATokenNeedTwoFactorToo()
    {
        var without = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport");
        var with = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true);

        var meWithout = await ApiClient(await Issue(without)).GetFromJsonAsync<JsonElement>("/api/v1/me");
        var meWith = await ApiClient(await Issue(with)).GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(0, meWithout.GetProperty("roles").GetArrayLength());
        Assert.Equal(Roles.Publisher, meWith.GetProperty("roles")[0].GetString());
        Assert.Equal("department-for-transport", meWith.GetProperty("publisherFor")[0].GetString());
    }

    private Task<string> Issue(Person person) =>
        service.WithServicesAsync(s => s.GetRequiredService<ApiTokens>().IssueAsync(person.Id, "test"));
}
