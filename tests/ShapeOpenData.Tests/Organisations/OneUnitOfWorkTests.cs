using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Organisations;

/// <summary>An organisation's change and its audit entry are one unit of work.</summary>
[Collection(SharedService.People)]
public sealed class OneUnitOfWorkTests(ServiceFactory service)
{
    private async Task<WebSession> AdministratorAsync()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        return session;
    }

    [Fact]
    public async Task AddingAnOrganisation_CrashingBeforeItsAuditEntry_LeavesNoOrganisation()
    {
        var session = await AdministratorAsync();
        var form = await session.GetAsync("/organisations/new");

        await service.CrashAtSaveAsync(2, () => session.SubmitAsync(form,
            ("Form.Name", "Crash Agency"), ("Form.Slug", "crash-agency"), ("Form.Kind", "public_body")));

        Assert.False(await service.WithDatabaseAsync(db => db.Organisations.AnyAsync(o => o.Slug == "crash-agency")));
    }

    [Fact]
    public async Task EditingAnOrganisation_CrashingBeforeItsAuditEntry_KeepsItAsItWas()
    {
        var session = await AdministratorAsync();
        var form = await session.GetAsync("/organisations/ofqual/edit");

        await service.CrashAtSaveAsync(2, () => session.SubmitAsync(form,
            ("Form.Name", "Renamed by a crash"), ("Form.Slug", "ofqual"), ("Form.Kind", "non_ministerial_department")));

        Assert.Equal("Ofqual", await service.WithDatabaseAsync(db => db.Organisations.Where(o => o.Slug == "ofqual").Select(o => o.Name).SingleAsync()));
    }
}
