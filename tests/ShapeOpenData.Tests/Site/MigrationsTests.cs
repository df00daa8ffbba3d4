namespace ShapeOpenData.Tests.Site;

/// <summary>The service does not compare its model with the migrations at start (it costs start-up time); this does.</summary>
public sealed class MigrationsTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task EveryModelChange_HasAMigration() =>
        Assert.False(await service.WithDatabaseAsync(db => Task.FromResult(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(db.Database))));
}
