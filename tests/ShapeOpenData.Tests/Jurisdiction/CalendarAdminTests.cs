using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Jurisdiction;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Jurisdiction;

public sealed class CalendarAdminTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private const string NewerFile = """
        {
          "england-and-wales": { "division": "england-and-wales", "events": [ { "title": "New Year's Day", "date": "2031-01-01", "notes": "", "bunting": true } ] },
          "scotland": { "division": "scotland", "events": [ { "title": "2nd January", "date": "2031-01-02", "notes": "", "bunting": true } ] },
          "northern-ireland": { "division": "northern-ireland", "events": [ { "title": "New Year's Day", "date": "2031-01-01", "notes": "", "bunting": true } ] }
        }
        """;

    private async Task<WebSession> AdministratorAsync(Person? administrator = null)
    {
        var session = service.NewSession();
        await session.SignInAsync(administrator ?? await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        return session;
    }

    private Task<List<ShapeOpenData.Modules.Audit.AuditEntry>> AuditedAsync(string entityType, int actorId) => service.WithDatabaseAsync(db =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.EntityType == entityType && e.ActorId == actorId).OrderBy(e => e.Id)));

    private static async Task<WebPage> UploadAsync(WebSession session, string json)
    {
        var page = await session.GetAsync("/admin/calendar");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "Upload", "bank-holidays.json");
        return await WebPage.FromAsync(await session.Http.PostAsync("/admin/calendar", form));
    }

    [Fact]
    public async Task Import_ANewerFile_ExtendsTheCalendar()
    {
        var session = await AdministratorAsync();
        var before = await service.CreateClient().GetAsync("/api/v1/deadlines?regime=foi&received=2031-01-02");
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);

        var page = await UploadAsync(session, NewerFile);

        Assert.Equal("Bank holidays imported: 3 added, 0 updated, 3 in the file", page.Flash);
        var after = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/deadlines?regime=foi&received=2030-12-20");
        Assert.Equal(["2030-12-25", "2030-12-26", "2031-01-01", "2031-01-02"],
            after.GetProperty("bankHolidaysSkipped").EnumerateArray().Select(d => d.GetString()));
    }

    [Theory]
    [InlineData("this is not json", "The file is not JSON in the gov.uk bank holidays format")]
    [InlineData("""{ "scotland": { "events": [] } }""", "The file must have bank holidays for england-and-wales, scotland and northern-ireland")]
    [InlineData("""{ "england-and-wales": { "events": [ { "title": "X", "date": "01/01/2031" } ] }, "scotland": {}, "northern-ireland": {} }""", "Event 1 for england-and-wales needs a title and a date like 2027-01-01")]
    public async Task Import_AMalformedFile_SaysWhatIsWrong(string json, string message)
    {
        var session = await AdministratorAsync();

        var page = await UploadAsync(session, json);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([(message, "Upload")], page.Errors);
    }

    [Fact]
    public async Task Regime_ChangedByAnAdministrator_MovesNewDeadlines()
    {
        var session = await AdministratorAsync();
        var form = await session.GetAsync("/admin/regimes/service");
        Assert.Equal("20", form.Document.GetElementById("Amount")?.GetAttribute("value"));

        var invalid = await session.SubmitAsync(form, ("Amount", "twenty"), ("ExtensionRule", "x"), ("ComplaintRoute", "y"));
        Assert.Equal("Enter how long there is to reply as a whole number from 1 to 365", invalid.FieldError("Amount"));

        await session.SubmitAsync(form, ("Amount", "10"), ("ExtensionLimit", "10"), ("ExtensionRule", "Up to 10 more."), ("ComplaintRoute", "Ask the programme team."),
            ("WhatCanBeAsked", "Any data."), ("WhatSilenceMeans", "It is late."));

        var json = await service.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/deadlines?regime=service&received=2026-12-18");
        Assert.Equal("2027-01-07", json.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task Import_IsAuditedWithTheDaysItAddedAndCorrected()
    {
        var administrator = await service.CreatePersonAsync(Roles.Administrator, twoFactor: true);
        var session = await AdministratorAsync(administrator);
        const string Corrections = """
            {
              "england-and-wales": { "events": [ { "title": "Extra bank holiday", "date": "2029-06-15" } ] },
              "scotland": { "events": [ { "title": "2nd January (corrected)", "date": "2030-01-02" } ] },
              "northern-ireland": { "events": [ { "title": "New Year's Day", "date": "2030-01-01" } ] }
            }
            """;

        await UploadAsync(session, Corrections);

        var entry = Assert.Single(await AuditedAsync("bank_holidays", administrator.Id));
        Assert.Equal("imported", entry.Action);
        Assert.Equal(entry.Before.Json().GetProperty("bankHolidays").GetInt32() + 1, entry.After.Json().GetProperty("bankHolidays").GetInt32());
        Assert.Equal(["scotland 2030-01-02 2nd January"], Days(entry.Before));
        Assert.Equal(["england-and-wales 2029-06-15 Extra bank holiday", "scotland 2030-01-02 2nd January (corrected)"], Days(entry.After));

        static IEnumerable<string> Days(string? snapshot) => snapshot.Json().GetProperty("days").EnumerateArray()
            .Select(d => $"{d.GetProperty("division").GetString()} {d.GetProperty("date").GetString()} {d.GetProperty("title").GetString()}");
    }

    [Fact]
    public async Task RegimeChange_IsAuditedWithTheRulesBeforeAndAfter()
    {
        var administrator = await service.CreatePersonAsync(Roles.Administrator, twoFactor: true);
        var session = await AdministratorAsync(administrator);
        var form = await session.GetAsync("/admin/regimes/rpsi");
        var before = (Amount: form.Document.GetElementById("Amount")!.GetAttribute("value"), Route: form.Document.GetElementById("ComplaintRoute")!.TextContent.Trim(),
            Silence: form.Document.GetElementById("WhatSilenceMeans")!.TextContent.Trim());

        await session.SubmitAsync(form, ("Amount", "25"), ("ExtensionLimit", ""), ("ExtensionRule", "No extension."), ("ComplaintRoute", "Write to the regulator."),
            ("WhatCanBeAsked", "Re-use of what is published."), ("WhatSilenceMeans", "No permission."));

        var entry = Assert.Single(await AuditedAsync("legal_regime", administrator.Id));
        Assert.Equal("changed", entry.Action);
        Assert.Equal(("rpsi", "rpsi"), (entry.Before.Field("code"), entry.After.Field("code")));
        Assert.Equal((before.Amount, "25"), (entry.Before.Field("amount"), entry.After.Field("amount")));
        Assert.Equal((before.Route, "Write to the regulator."), (entry.Before.Field("complaintRoute"), entry.After.Field("complaintRoute")));
        Assert.Equal((before.Silence, "No permission."), (entry.Before.Field("whatSilenceMeans"), entry.After.Field("whatSilenceMeans")));
    }

    [Fact]
    public async Task Regime_WithoutTheGuidesWords_SaysWhatIsMissingAndKeepsTheRegime()
    {
        var session = await AdministratorAsync();
        var form = await session.GetAsync("/admin/regimes/foi");
        var before = form.Document.GetElementById("WhatCanBeAsked")!.TextContent.Trim();
        Assert.Contains("recorded information", before, StringComparison.Ordinal);

        var page = await session.SubmitAsync(form, ("Amount", "20"), ("ExtensionLimit", "20"), ("ExtensionRule", "Twenty more."), ("ComplaintRoute", "The ICO."),
            ("WhatCanBeAsked", "  "), ("WhatSilenceMeans", new string('x', LegalRegime.TextMaxLength + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal([("Enter what can be asked", "WhatCanBeAsked"), ("What silence means must be 1000 characters or fewer", "WhatSilenceMeans")], page.Errors);
        Assert.Equal("Enter what can be asked", page.FieldError("WhatCanBeAsked"));
        var guide = (await service.NewSession().GetAsync("/your-right-to-data")).Document.QuerySelector("section[aria-labelledby=foi]")!.TextContent.Squeezed();
        Assert.Contains(before.Squeezed(), guide, StringComparison.Ordinal);
        Assert.DoesNotContain("Twenty more.", guide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarAdministration_IsForAdministratorsOnly()
    {
        var publisher = service.NewSession();
        await publisher.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "home-office", twoFactor: true));

        Assert.Equal(HttpStatusCode.Forbidden, (await publisher.GetAsync("/admin/calendar")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await publisher.GetAsync("/admin/regimes/foi")).Status);
        Assert.StartsWith("/account/sign-in", (await service.NewSession().GetAsync("/admin/calendar")).Url, StringComparison.Ordinal);
    }
}
