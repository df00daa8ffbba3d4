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
}
