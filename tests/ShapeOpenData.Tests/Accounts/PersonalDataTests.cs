using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Accounts;

[Collection(SharedService.People)]
public sealed class PersonalDataTests(ServiceFactory service)
{
    [Fact]
    public async Task DownloadData_GivesEverythingHeldAsJson()
    {
        var person = await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true, name: "Dana Download");
        var session = service.NewSession();
        await session.SignInAsync(person);
        await session.SubmitAsync(await session.GetAsync("/account/api-tokens"), [new("Name", "My script"), new("Password", ServiceFactory.Password)], "form[action*=Create]");

        var response = await session.Http.GetAsync("/account/download-data");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("shape-open-data-my-data.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var account = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("account");
        Assert.Equal(person.Email, account.GetProperty("email").GetString());
        Assert.Equal("Dana Download", account.GetProperty("displayName").GetString());
        Assert.Equal(Roles.Publisher, account.GetProperty("roles")[0].GetString());
        Assert.Equal("Department for Transport", account.GetProperty("publishesFor")[0].GetString());
        Assert.Equal("My script", account.GetProperty("apiTokens")[0].GetProperty("name").GetString());
        Assert.DoesNotContain("hash", account.GetProperty("apiTokens")[0].ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DownloadData_IsOnlyForTheSignedInPerson()
    {
        var page = await service.NewSession().GetAsync("/account/download-data");

        Assert.StartsWith("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_WithTheWrongPassword_DeletesNothing()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);

        var page = await session.SubmitAsync(await session.GetAsync("/account/delete"), ("Password", "not my password"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Your password is not right", page.FieldError("Password"));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task Delete_RemovesThePersonButKeepsTheRowAsFormerParticipant()
    {
        var person = await service.CreatePersonAsync(Roles.Publisher, "department-for-education", name: "Leaving Person");
        var session = service.NewSession();
        await session.SignInAsync(person);
        var tokens = await session.SubmitAsync(await session.GetAsync("/account/api-tokens"), [new("Name", "Old script"), new("Password", ServiceFactory.Password)], "form[action*=Create]");
        var token = tokens.Document.GetElementById("new-token")!.TextContent.Trim();
        using var api = service.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var deleted = await session.SubmitAsync(await session.GetAsync("/account/delete"), ("Password", ServiceFactory.Password));

        Assert.Equal("Your account has been deleted", deleted.Flash);
        await service.Mail.WaitForAsync(person.Email, "has been deleted");
        Assert.Equal(HttpStatusCode.BadRequest, (await service.NewSession().SignInAsync(person)).Status);
        var row = await service.WithDatabaseAsync(db => db.Users.Include(u => u.PublisherMemberships).SingleAsync(u => u.Id == person.Id));
        Assert.Equal(User.FormerParticipant, row.DisplayName);
        Assert.NotEqual(person.Email, row.Email);
        Assert.Null(row.PasswordHash);
        Assert.Empty(row.PublisherMemberships);
        Assert.Equal(0, await service.WithDatabaseAsync(db => db.UserRoles.CountAsync(r => r.UserId == person.Id)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Delete_IsAuditedAsTheRolesAndTokensRemoved_WithNothingOfWhoTheyWere()
    {
        var person = await service.CreatePersonAsync(Roles.Publisher, "department-for-education", name: "Audited Leaver");
        var session = service.NewSession();
        await session.SignInAsync(person);
        await session.SubmitAsync(await session.GetAsync("/account/api-tokens"), [new("Name", "Leaver's script"), new("Password", ServiceFactory.Password)], "form[action*=Create]");
        var tokenId = await service.WithDatabaseAsync(db => db.ApiTokens.Where(t => t.UserId == person.Id).Select(t => t.Id).SingleAsync());

        await session.SubmitAsync(await session.GetAsync("/account/delete"), ("Password", ServiceFactory.Password));

        var account = await service.AuditTrailAsync("account", person.Id);
        Assert.Equal(["granted", "deleted"], account.Select(e => e.Action));
        var deleted = account[1];
        Assert.Equal(person.Id, deleted.ActorId);
        Assert.Equal(("[\"publisher\"]", "[\"department-for-education\"]"), (deleted.Before.Field("roles"), deleted.Before.Field("publisherFor")));
        Assert.Equal(("[]", "[]"), (deleted.After.Field("roles"), deleted.After.Field("publisherFor")));
        var token = await service.AuditTrailAsync("api_token", tokenId);
        Assert.Equal(["created", "removed_with_account"], token.Select(e => e.Action));
        Assert.Equal("Leaver's script", token[1].Before.Field("name"));
        foreach (var snapshot in account.Concat(token).SelectMany(e => new[] { e.Before, e.After }).OfType<string>())
        {
            Assert.DoesNotContain(person.Email, snapshot, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Audited Leaver", snapshot, StringComparison.Ordinal);
        }
    }
}
