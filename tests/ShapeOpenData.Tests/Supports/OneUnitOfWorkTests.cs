using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Supports;

namespace ShapeOpenData.Tests.Supports;

/// <summary>A support (or its withdrawal), the follow that comes with it and the item's count move together, or not at all.</summary>
[Collection(SharedService.Requests)]
public sealed class OneUnitOfWorkTests(ServiceFactory service)
{
    private const string Request = "request";

    private Task<int> CountAsync(int id) => service.WithDatabaseAsync(db => db.DatasetRequests.Where(r => r.Id == id).Select(r => r.SupportCount).SingleAsync());

    private Task<bool> SupportsAsync(int userId, int id) =>
        service.WithDatabaseAsync(db => db.Supports.AnyAsync(s => s.TargetType == Request && s.TargetId == id && s.UserId == userId));

    [Fact]
    public async Task WithdrawingSupport_CrashingBeforeTheCountMoves_KeepsTheSupportAndTheCount()
    {
        var id = await service.SubmitRequestAsync(await service.CreatePersonAsync());
        var supporter = await service.CreatePersonAsync(withPassword: false);
        var person = await service.PrincipalAsync(supporter);
        await service.WithServicesAsync(s => s.GetRequiredService<Supporting>().SupportAsync(Request, id, person, null));
        var count = await CountAsync(id);

        SaveCrash.OnStatement("UPDATE");
        await Assert.ThrowsAsync<SimulatedCrashException>(() =>
            service.WithServicesAsync(s => s.GetRequiredService<Supporting>().WithdrawAsync(Request, id, person)));
        SaveCrash.OnStatement(null);

        Assert.True(await SupportsAsync(supporter.Id, id));
        Assert.Equal(count, await CountAsync(id));
    }

    [Fact]
    public async Task ASupportWhoseCountCannotMove_LeavesNeitherTheSupportNorItsFollow()
    {
        // The batch inserts the support and its follow, then finds no item to count it on: it fails there.
        var supporter = await service.CreatePersonAsync(withPassword: false);
        const int missing = int.MaxValue;
        var at = service.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            service.Services.GetRequiredService<SupportBatches>().WriteAsync(new PendingSupport(Request, missing, supporter.Id, "For a test", null, at)));

        Assert.False(await SupportsAsync(supporter.Id, missing));
        Assert.False(await service.WithDatabaseAsync(db => db.Follows.AnyAsync(f => f.UserId == supporter.Id)));
    }
}
