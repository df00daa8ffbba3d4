using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Accounts;

/// <summary>A person added with their role, a token with its audit entry, an account deleted with everything it held: each one unit of work.</summary>
[Collection(SharedService.People)]
public sealed class OneUnitOfWorkTests(ServiceFactory service)
{
    [Fact]
    public async Task AddingAPublisher_CrashingBeforeTheirRoleIsGranted_LeavesNoAccount()
    {
        var email = $"crash-{Guid.NewGuid():N}@example.com";

        await service.CrashAtSaveAsync(2, () => service.WithServicesAsync(s => s.GetRequiredService<Onboarding>()
            .AddAsync(new NewPerson(email, "Crash Publisher", Role: Roles.Publisher, OrganisationSlug: "department-for-transport"))));

        Assert.False(await service.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task CreatingAToken_CrashingBeforeItsAuditEntry_LeavesNoToken()
    {
        var person = await service.CreatePersonAsync();
        var session = service.NewSession();
        await session.SignInAsync(person);
        var form = await session.GetAsync("/account/api-tokens");

        await service.CrashAtSaveAsync(2, () => session.SubmitAsync(form, [new("Name", "Crash script"), new("Password", ServiceFactory.Password)], "form[action*=Create]"));

        Assert.False(await service.WithDatabaseAsync(db => db.ApiTokens.AnyAsync(t => t.UserId == person.Id)));
    }

    [Fact]
    public async Task DeletingAnAccount_CrashingBeforeItIsAnonymised_KeepsItWhole()
    {
        var person = await service.CreatePersonAsync(Roles.Publisher, "department-for-education", name: "Staying Person");
        await service.ApiClientAsync(person);
        var session = service.NewSession();
        await session.SignInAsync(person);
        var form = await session.GetAsync("/account/delete");

        await service.CrashAtSaveAsync(2, () => session.SubmitAsync(form, ("Password", ServiceFactory.Password)));

        var row = await service.WithDatabaseAsync(db => db.Users.Include(u => u.PublisherMemberships).SingleAsync(u => u.Id == person.Id));
        Assert.Equal(("Staying Person", person.Email, 1), (row.DisplayName, row.Email, row.PublisherMemberships.Count));
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.ApiTokens.CountAsync(t => t.UserId == person.Id)));
        Assert.Equal(1, await service.WithDatabaseAsync(db => db.UserRoles.CountAsync(r => r.UserId == person.Id)));
    }
}
