using Microsoft.EntityFrameworkCore;

namespace ShapeOpenData.Tests.DatasetRequests;

/// <summary>Submitting a request saves twice (the request for its id, then its title words, follow and audit entry) in one transaction.</summary>
[Collection(SharedService.Requests)]
public sealed class OneUnitOfWorkTests(ServiceFactory service)
{
    [Fact]
    public async Task SubmittingARequest_CrashingBeforeItsAuditEntry_LeavesNoRequest_AndTheTitleFree()
    {
        var requester = await service.CreatePersonAsync();
        var title = $"Crash request {Guid.NewGuid():N}";
        var audit = await service.WithDatabaseAsync(db => db.AuditEntries.CountAsync());
        SaveCrash.OnSave(2);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => service.SubmitRequestAsync(requester, title));

        SaveCrash.OnSave(0);
        Assert.False(await service.WithDatabaseAsync(db => db.DatasetRequests.AnyAsync(r => r.Title == title)));
        Assert.Equal(audit, await service.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
        var id = await service.SubmitRequestAsync(requester, title);
        Assert.True(await service.WithDatabaseAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "request" && a.EntityId == id && a.Action == "submitted")));
    }
}
