using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Audit;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.DatasetRequests;

[Collection(SharedService.Requests)]
public sealed class FeedsAndAuditTests(ServiceFactory service)
{
    private const string Nasty = "=HYPERLINK(\"http://evil.example\") <script>alert(1)</script>";

    [Fact]
    public async Task Atom_ListsTheNewestChangesButNothingConfidential()
    {
        var requester = await service.CreatePersonAsync();
        var open = await service.SubmitRequestAsync(requester, "Tidal flood barrier closures " + Guid.NewGuid().ToString("N")[..6]);
        var secret = await service.SubmitRequestAsync(requester, "A private matter " + Guid.NewGuid().ToString("N")[..6], confidential: true);

        var response = await service.CreateClient().GetAsync("/requests.atom");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var links = feed.Descendants(atom + "entry").SelectMany(e => e.Elements(atom + "link")).Select(l => l.Attribute("href")!.Value).ToList();
        Assert.Contains(links, l => l.EndsWith($"/requests/{open}", StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.EndsWith($"/requests/{secret}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_HasEveryPublicRequestAndDefusesFormulas()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), Nasty);

        var csv = await service.CreateClient().GetStringAsync("/requests.csv");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id,Title,State,Outcome,Organisation,OrganisationName,Regime,SupportCount,DueOn,Overdue,CreatedAt,UpdatedAt,Url", lines[0], StringComparison.Ordinal);
        var row = lines.Single(l => l.StartsWith($"{id},", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK", row, StringComparison.Ordinal);
        Assert.Contains(",submitted,", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_HasEveryPublicRequestWithItsCounts()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester, Nasty + "2");
        var secret = await service.SubmitRequestAsync(requester, confidential: true);

        var rows = await service.CreateClient().GetFromJsonAsync<JsonElement>("/requests.json");

        var row = rows.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(Nasty + "2", row.GetProperty("title").GetString());
        Assert.Equal(0, row.GetProperty("supportCount").GetInt32());
        Assert.DoesNotContain(rows.EnumerateArray(), r => r.GetProperty("id").GetInt32() == secret);
    }

    [Fact]
    public async Task EveryChange_IsInTheAuditLogWithBeforeAndAfter()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync(), organisation: "cabinet-office");
        var programmePerson = await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true);
        var programme = await service.ApiClientAsync(programmePerson);
        await programme.PostAsJsonAsync($"/api/v1/requests/{id}/review", new { });
        await programme.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "not_held", explanation = "Never collected" });

        var entries = await service.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.EntityType == "request" && e.EntityId == id).OrderBy(e => e.Id).ToListAsync());

        Assert.Equal(["submitted", "reviewed", "closed"], entries.Select(e => e.Action));
        Assert.Null(entries[0].Before);
        var closed = entries[2];
        Assert.Equal(programmePerson.Id, closed.ActorId);
        Assert.Equal("under_review", JsonDocument.Parse(closed.Before!).RootElement.GetProperty("state").GetString());
        Assert.Equal("not_held", JsonDocument.Parse(closed.After!).RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task TheAuditLog_CannotBeChangedOrDeleted()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.WithDatabaseAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync(e => e.EntityId == id);
            entry.Action = "tampered";
            return await db.SaveChangesAsync();
        }));
        // Below the application too: the database refuses.
        await Assert.ThrowsAnyAsync<Exception>(() => service.WithDatabaseAsync(db =>
            db.AuditEntries.Where(e => e.EntityId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Action, "tampered"))));
        await Assert.ThrowsAnyAsync<Exception>(() => service.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.EntityId == id).ExecuteDeleteAsync()));
        Assert.Equal("submitted", await service.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.EntityId == id && e.EntityType == "request").Select(e => e.Action).FirstAsync()));
    }

    [Fact]
    public async Task AScheduledReleaseThatDoesNotComeOnTime_ReopensTheRequestAndTellsPeople()
    {
        var requester = await service.CreatePersonAsync();
        var id = await service.SubmitRequestAsync(requester, organisation: "cabinet-office");
        var programme = await service.ApiClientAsync(await service.CreatePersonAsync(Roles.ProgrammeTeam, twoFactor: true));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await programme.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { outcome = "scheduled", expectedOn = today.ToString("yyyy-MM-dd") });
        // The expected date passes without a release.
        await service.WithDatabaseAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "DatasetRequests" SET "ExpectedOn" = {today.AddDays(-3)} WHERE "Id" = {id}"""));

        var reopened = await service.WithServicesAsync(s => s.GetRequiredService<RequestWorkflow>().ReopenPastScheduledAsync());

        Assert.True(reopened >= 1);
        var detail = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}");
        Assert.Equal("under_review", detail.GetProperty("state").GetString());
        Assert.Equal("reopened", detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("kind").GetString());
        await service.Mail.WaitForAsync(requester.Email, "Reopened");
    }
}
