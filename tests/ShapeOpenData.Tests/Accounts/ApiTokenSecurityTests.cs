using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Tests.Accounts;

/// <summary>
/// What someone who takes over a signed-in session, or learns a token, can do with tokens: tokens outlive
/// neither a new password nor two-factor being turned off, making one takes the password again, they run out,
/// and a read-only one changes nothing.
/// </summary>
[Collection(SharedService.People)]
public sealed class ApiTokenSecurityTests(ServiceFactory service)
{
    private const string NewPassword = "a brand new long password";

    private HttpClient ApiClient(string token)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<WebPage> CreateAsync(WebSession session, params (string Name, string Value)[] fields) =>
        await session.SubmitAsync(await session.GetAsync("/account/api-tokens"),
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), "form[action*=Create]");

    private Task<string> IssueAsync(Person person) =>
        service.WithServicesAsync(s => s.GetRequiredService<ApiTokens>().IssueAsync(person.Id, "Script"));

    private Task<int> TokensOfAsync(Person person) =>
        service.WithDatabaseAsync(db => db.ApiTokens.CountAsync(t => t.UserId == person.Id));

    [Fact]
    public async Task Create_WithoutThePassword_IsRefusedAndMakesNoToken()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await CreateAsync(session, ("Name", "Taken over"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Enter your password", page.FieldError("Password"));
        Assert.Null(page.Document.GetElementById("new-token"));
        Assert.Equal(0, await TokensOfAsync(person));
    }

    [Fact]
    public async Task Create_WithTheWrongPassword_IsRefusedAndMakesNoToken()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await CreateAsync(session, ("Name", "Taken over"), ("Password", "a guess at the password"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Your password or code is not right", page.FieldError("Password"));
        Assert.Equal(0, await TokensOfAsync(person));
    }

    [Fact]
    public async Task Create_WithACodeFromTheAuthenticatorApp_MakesTheToken()
    {
        var person = await service.CreatePersonAsync(twoFactor: true);
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await CreateAsync(session, ("Name", "With a code"), ("Password", person.CurrentCode()));

        Assert.NotNull(page.Document.GetElementById("new-token"));
    }

    [Fact]
    public async Task Create_ByDefault_RunsOutInAYear_ShownOnThePageAndTheApi()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var created = await CreateAsync(session, ("Name", "Yearly"), ("Password", ServiceFactory.Password));

        var expires = DateTime.UtcNow.AddDays(365);
        var row = created.Document.QuerySelectorAll("table.govuk-table tbody tr").Single();
        Assert.Contains(expires.ToUkTime().ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), row.TextContent, StringComparison.Ordinal);
        var token = created.Document.GetElementById("new-token")!.TextContent.Trim();
        var me = await ApiClient(token).GetFromJsonAsync<JsonElement>("/api/v1/me");
        var expiresAt = me.GetProperty("token").GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expiresAt, expires.AddMinutes(-5), expires.AddMinutes(5));
    }

    [Fact]
    public async Task Create_WithNoExpiry_SaysNever()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var created = await CreateAsync(session, ("Name", "Forever"), ("Expires", "never"), ("Password", ServiceFactory.Password));

        var token = created.Document.GetElementById("new-token")!.TextContent.Trim();
        var me = await ApiClient(token).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(JsonValueKind.Null, me.GetProperty("token").GetProperty("expiresAt").ValueKind);
        Assert.Contains("Never", created.Document.QuerySelectorAll("table.govuk-table tbody tr").Single().TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadOnlyToken_Gets403ProblemDetailsOnAnyWrite_AndChangesNothing()
    {
        var requester = await service.CreatePersonAsync(withPassword: false);
        var requestId = await service.SubmitRequestAsync(requester);
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);
        var created = await CreateAsync(session, ("Name", "Reader"), ("Access", "read-only"), ("Password", ServiceFactory.Password));
        var api = ApiClient(created.Document.GetElementById("new-token")!.TextContent.Trim());

        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var support = await api.PutAsync($"/api/v1/requests/{requestId}/support", null);
        var ask = await api.PostAsJsonAsync("/api/v1/requests", new { title = "Written with a read-only token" });

        Assert.True(me.GetProperty("token").GetProperty("readOnly").GetBoolean());
        foreach (var refused in new[] { support, ask })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("read-only", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await service.WithDatabaseAsync(db => db.Supports.CountAsync(s => s.UserId == person.Id)));
        var readWrite = await service.ApiClientAsync(person);
        Assert.Equal(HttpStatusCode.Created, (await readWrite.PutAsync($"/api/v1/requests/{requestId}/support", null)).StatusCode);
    }

    [Fact]
    public async Task ChangingThePassword_RevokesEveryToken_Audited()
    {
        var person = await service.CreatePersonAsync();
        var token = await IssueAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await ApiClient(token).GetAsync("/api/v1/me")).StatusCode);
        var session = service.NewSession();
        await session.SignInAsync(person);

        var changed = await session.SubmitAsync(await session.GetAsync("/account/change-password"),
            ("CurrentPassword", ServiceFactory.Password), ("Password", NewPassword));

        Assert.Equal("Your password has been changed", changed.Flash);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClient(token).GetAsync("/api/v1/me")).StatusCode);
        await AssertRevokedAsync(person, "revoked_password_changed");
    }

    [Fact]
    public async Task ResettingThePassword_RevokesEveryToken_Audited()
    {
        var person = await service.CreatePersonAsync();
        var token = await IssueAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await ApiClient(token).GetAsync("/api/v1/me")).StatusCode);
        var session = service.NewSession();
        await session.SubmitAsync(await session.GetAsync("/account/forgotten-password"), ("Email", person.Email));
        var link = MailCatcher.LinkIn(await service.Mail.WaitForAsync(person.Email, "Reset your"));

        var reset = await session.SubmitAsync(await session.GetAsync(link), ("Password", NewPassword));

        Assert.Equal("Your password has been changed. Sign in with your new password", reset.Flash);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClient(token).GetAsync("/api/v1/me")).StatusCode);
        await AssertRevokedAsync(person, "revoked_password_reset");
    }

    [Fact]
    public async Task TurningTwoFactorOff_NeedsThePassword_AndRevokesEveryToken()
    {
        var person = await service.CreatePersonAsync(twoFactor: true);
        var token = await IssueAsync(person);
        var session = service.NewSession();
        await session.SignInAsync(person);
        var page = await session.GetAsync("/account/two-factor");

        var refused = await session.SubmitAsync(page, selector: "form[action*=TurnOff]");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Enter your password", refused.FieldError("TurnOffPassword"));
        Assert.True(await service.WithDatabaseAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await ApiClient(token).GetAsync("/api/v1/me")).StatusCode);

        var off = await session.SubmitAsync(page, [new("TurnOffPassword", ServiceFactory.Password)], "form[action*=TurnOff]");

        Assert.Equal("Two-factor authentication is off", off.Flash);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClient(token).GetAsync("/api/v1/me")).StatusCode);
        await AssertRevokedAsync(person, "revoked_two_factor_off");
        Assert.Contains("two_factor_turned_off", (await service.AuditTrailAsync(AccountsModule.AccountItemType, person.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task NewRecoveryCodes_NeedThePasswordOrACode()
    {
        var person = await service.CreatePersonAsync(twoFactor: true);
        var session = service.NewSession();
        await session.SignInAsync(person);
        var page = await session.GetAsync("/account/two-factor");

        var refused = await session.SubmitAsync(page, [new("NewCodesPassword", "not my password")], "form[action*=NewRecoveryCodes]");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Your password or code is not right", refused.FieldError("NewCodesPassword"));
        Assert.Empty(refused.Document.QuerySelectorAll("#recovery-codes li"));

        var codes = await session.SubmitAsync(page, [new("NewCodesPassword", person.CurrentCode())], "form[action*=NewRecoveryCodes]");
        Assert.Equal(10, codes.Document.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Contains("recovery_codes_renewed", (await service.AuditTrailAsync(AccountsModule.AccountItemType, person.Id)).Select(e => e.Action));
    }

    private async Task AssertRevokedAsync(Person person, string action)
    {
        var tokenId = await service.WithDatabaseAsync(db => db.ApiTokens.Where(t => t.UserId == person.Id).Select(t => t.Id).SingleAsync());
        var trail = await service.AuditTrailAsync(AccountsModule.TokenItemType, tokenId);
        Assert.Equal(["created", action], trail.Select(e => e.Action));
        Assert.Equal(person.Id, trail[1].ActorId);
        Assert.NotNull(trail[1].After.Field("revokedAt"));
    }
}

/// <summary>A token stops working when it runs out, even one read a moment before.</summary>
public sealed class ApiTokenExpiryTests(ClockedServiceFactory service) : IClassFixture<ClockedServiceFactory>
{
    [Fact]
    public async Task AnExpiredToken_Gets401()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);
        var created = await session.SubmitAsync(await session.GetAsync("/account/api-tokens"),
            [new("Name", "A month"), new("Expires", "30"), new("Password", ServiceFactory.Password)], "form[action*=Create]");
        var api = service.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", created.Document.GetElementById("new-token")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        service.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }
}
