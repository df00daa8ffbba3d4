namespace ShapeOpenData.Tests.Site;

/// <summary>The service does not compare its model with the migrations at start (it costs start-up time); this does.</summary>
[Collection(SharedService.People)]
public sealed class MigrationsTests(ServiceFactory service)
{
    [Fact]
    public async Task EveryModelChange_HasAMigration() =>
        Assert.False(await service.WithDatabaseAsync(db => Task.FromResult(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(db.Database))));
}
