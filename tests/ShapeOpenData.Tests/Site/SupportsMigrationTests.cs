using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Site;

/// <summary>
/// The migration that made supports a foundation module keeps what people said before it: the database goes back to
/// the migration before it, gets rows in the old tables as the old code wrote them, and migrates forward again.
/// </summary>
public sealed class SupportsMigrationTests(CatalogueServiceFactory service) : IClassFixture<CatalogueServiceFactory>
{
    private const string Dataset = "bathing-water-quality";

    [Fact]
    public async Task Migrating_KeepsRequestSupportsAndReportsAffected_WithTheirCounts()
    {
        var (first, second) = (await service.CreatePersonAsync(), await service.CreatePersonAsync());
        var requestId = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var number = await service.FileReportAsync(await service.CreatePersonAsync(), Dataset, ReportCategory.OutOfDate, "No 2025 results.");
        var reportId = await service.WithDatabaseAsync(db => db.QualityReports.Where(r => r.Dataset!.Slug == Dataset && r.Number == number).Select(r => r.Id).SingleAsync());
        var (monday, tuesday) = (new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 3, 14, 0, 0, DateTimeKind.Utc));

        await service.WithDatabaseAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_Supports", StringComparison.Ordinal)).Last());
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Supports" ("RequestId", "UserId", "Use", "Sector", "CreatedAt")
                VALUES ({requestId}, {first.Id}, {"Mapping flood risk"}, {"academic"}, {monday}), ({requestId}, {second.Id}, NULL, NULL, {tuesday})
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ReportsAffected" ("ReportId", "UserId", "CreatedAt") VALUES ({reportId}, {second.Id}, {tuesday})
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "DatasetRequests" SET "SupportCount" = 2 WHERE "Id" = {requestId}""");
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "QualityReports" SET "AffectedCount" = 1 WHERE "Id" = {reportId}""");

            await migrator.MigrateAsync();
            return true;
        });
        Npgsql.NpgsqlConnection.ClearAllPools();  // no statement prepared against the tables as they were

        var rows = await service.WithDatabaseAsync(db => db.Supports.OrderBy(s => s.Id)
            .Where(s => (s.TargetType == DatasetRequestsModule.ItemType && s.TargetId == requestId) || (s.TargetType == CatalogueModule.ReportItemType && s.TargetId == reportId))
            .Select(s => new { s.TargetType, s.TargetId, s.UserId, s.Use, s.Sector, s.CreatedAt }).ToListAsync());
        Assert.Equal([
            new { TargetType = "request", TargetId = requestId, UserId = first.Id, Use = (string?)"Mapping flood risk", Sector = (Sector?)Sector.Academic, CreatedAt = monday },
            new { TargetType = "request", TargetId = requestId, UserId = second.Id, Use = (string?)null, Sector = (Sector?)null, CreatedAt = tuesday },
            new { TargetType = "quality_report", TargetId = reportId, UserId = second.Id, Use = (string?)null, Sector = (Sector?)null, CreatedAt = tuesday },
        ], rows);

        // The service goes on from them: the same people are still counted once, and the counts still move with the rows.
        var again = await (await service.ApiClientAsync(first)).PutAsync($"/api/v1/requests/{requestId}/support", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var withdrawn = await (await service.ApiClientAsync(second)).DeleteAsync($"/api/v1/requests/{requestId}/support");
        Assert.Equal(1, (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supportCount").GetInt32());
        var request = await service.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/requests/{requestId}");
        Assert.Equal(1, request.GetProperty("supportersBySector").GetProperty("academic").GetInt32());

        var affected = service.NewSession();
        await affected.SignInAsync(second);
        var page = await affected.GetAsync($"/datasets/{Dataset}/reports/{number}");
        Assert.Equal("2 people have this problem", page.Document.GetElementById("affected")!.TextContent.Trim());
        Assert.Contains("You have this problem too", page.Text, StringComparison.Ordinal);
    }
}
