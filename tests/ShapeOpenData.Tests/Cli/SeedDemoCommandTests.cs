using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ShapeOpenData.Tests.Cli;

/// <summary><c>migrate</c> and <c>seed-demo</c>, run as an operator runs them on a new database (by the fixture).</summary>
[Collection(DemoContent.Name)]
public sealed class SeedDemoCommandTests(DemoServiceFactory service)
{
    [Fact]
    public async Task MigrateAndSeedDemo_LeaveADatabaseWithDemoPeople()
    {
        Assert.Equal(0, service.Migrate.ExitCode);
        Assert.Contains("The database is up to date.", service.Migrate.Output, StringComparison.Ordinal);

        Assert.True(service.SeedDemo.ExitCode == 0, service.SeedDemo.Error);
        Assert.Contains("Demo content added.", service.SeedDemo.Output, StringComparison.Ordinal);
        Assert.True(await service.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "admin@demo.shape-open-data.example")));
    }

    [Fact]
    public async Task SeedDemo_OutsideDevelopment_NeverLogsTheDemoPassword()
    {
        var admin = await service.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "admin@demo.shape-open-data.example"));
        var log = service.SeedDemo.Output + "\n" + service.SeedDemo.Error;

        // The made-up password is 16 characters of base64: try every word of the log that could be it.
        var hasher = new PasswordHasher<User>();
        var candidates = Regex.Matches(log, @"[A-Za-z0-9+/=]{12,}").Select(m => m.Value).Distinct().ToList();
        Assert.DoesNotContain(candidates, word => hasher.VerifyHashedPassword(admin, admin.PasswordHash!, word) != PasswordVerificationResult.Failed);
        Assert.DoesNotContain("password is", log, StringComparison.OrdinalIgnoreCase);
    }
}
