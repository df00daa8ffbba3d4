using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>
/// The service as it is in production: the import reads public portals only. "localhost" is trusted, as an operator
/// would trust an internal portal by name, so that a portal can be reached and redirect the import elsewhere.
/// </summary>
public sealed class PublicPortalsOnlyFactory : ServiceFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        new("Catalogue:AllowPrivateSources", "false"),
        new("Catalogue:TrustedPrivateHosts:0", "localhost"),
        new("Catalogue:ImportAttempts", "3"),
        new("Catalogue:ImportRetryDelay", "00:00:00.010"),
    ];
}

/// <summary>
/// An administrator's import must not become a way to make the service fetch from inside its own network: the machine
/// itself, the private network, or the cloud metadata service. Nothing here reaches anything but 127.0.0.1: the
/// other addresses are refused before any connection is made.
/// </summary>
public sealed class PrivateSourcesTests(PublicPortalsOnlyFactory service) : IClassFixture<PublicPortalsOnlyFactory>
{
    [Theory]
    [InlineData("http://127.0.0.1:{port}/", "127.0.0.1")]
    [InlineData("http://10.0.0.1/", "10.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://[::1]:{port}/", "::1")]
    [InlineData("http://[fd00:ec2::254]/", "fd00:ec2::254")]
    [InlineData("http://0.0.0.0:{port}/", "0.0.0.0")]
    public async Task AdminPage_RefusesAPrivateOrLocalAddress_AndSaysWhy(string address, string shown)
    {
        await using var portal = await LocalCkanPortal.StartAsync([new SamplePackage($"private-{Guid.NewGuid():N}").ToJson()]);
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        var imports = await service.WithDatabaseAsync(db => db.CatalogueImports.CountAsync());
        var url = address.Replace("{port}", portal.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var refused = await session.SubmitAsync(await session.GetAsync("/admin/catalogue"), [new("PortalUrl", url)], "form[action$='handler=Portal']");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal([($"Enter the address of a public portal: {shown} is a private or local address, which the import does not read from", "PortalUrl")],
            refused.Errors);
        Assert.Equal(imports, await service.WithDatabaseAsync(db => db.CatalogueImports.CountAsync()));
        Assert.Empty(portal.Calls);
    }

    /// <summary>A portal the import may read sends it on to a local address: the connection there is refused, and not tried again.</summary>
    [Fact]
    public async Task Import_RedirectedToALocalAddress_IsRefused()
    {
        await using var target = await LocalCkanPortal.StartAsync([new SamplePackage($"redirected-{Guid.NewGuid():N}").ToJson()]);
        await using var moved = await LocalCkanPortal.StartAsync([]);
        moved.RedirectTo = target.Address;
        var trusted = new Uri($"http://localhost:{moved.Address.Port}/");

        var (import, summary) = await service.Services.GetRequiredService<CatalogueImports>()
            .RunAsync(trusted.ToString(), sources => sources.FromPortalAsync(trusted), null, null, CancellationToken.None);

        Assert.Null(summary);
        Assert.Equal(ImportState.Failed, import.State);
        Assert.Equal($"Could not get {trusted}api/3/action/package_search?rows=100&start=0&sort=metadata_created asc: " +
                     "127.0.0.1 is a private or local address, which the import does not read from", import.Outcome);
        Assert.Empty(target.Calls);
        Assert.Single(moved.Calls);
    }

    [Fact]
    public async Task AdminPage_StillTakesATrustedPrivatePortal()
    {
        await using var portal = await LocalCkanPortal.StartAsync([]);
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));

        var started = await session.SubmitAsync(await session.GetAsync("/admin/catalogue"),
            [new("PortalUrl", $"http://localhost:{portal.Address.Port}/")], "form[action$='handler=Portal']");

        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.StartsWith("The import from localhost has started", started.Flash, StringComparison.Ordinal);
    }
}
