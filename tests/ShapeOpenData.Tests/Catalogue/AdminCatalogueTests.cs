using AngleSharp.Dom;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Catalogue;

/// <summary>Administrators import the catalogue on /admin/catalogue: a file or a portal, run in the background.</summary>
[Collection(SharedService.Publishing)]
public sealed class AdminCatalogueTests(ServiceFactory service)
{
    private async Task<WebSession> AdministratorAsync(Person? administrator = null)
    {
        var session = service.NewSession();
        await session.SignInAsync(administrator ?? await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        return session;
    }

    /// <summary>Reloads the page, as an administrator would, until the newest import has finished or failed.</summary>
    private static async Task<IElement> NewestFinishedAsync(WebSession session)
    {
        for (var tries = 0; ; tries++)
        {
            var newest = (await session.GetAsync("/admin/catalogue")).Document.QuerySelector("#imports ~ ul .sod-result")!;
            var state = newest.QuerySelector(".govuk-tag")!.TextContent.Trim();
            if (state is "Finished" or "Failed" || tries > 200) return newest;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task UploadingAFile_ImportsItAndShowsHowItWent()
    {
        var administrator = await service.CreatePersonAsync(Roles.Administrator, twoFactor: true);
        var session = await AdministratorAsync(administrator);
        var page = await session.GetAsync("/admin/catalogue");
        var token = page.Document.QuerySelector("form[action$='handler=File'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(TestCatalogue.RealFixturePath)), "Upload", "real-package-search.json" },
        };

        var started = await WebPage.FromAsync(await session.Http.PostAsync("/admin/catalogue?handler=File", form));

        Assert.Equal("The import of real-package-search.json has started. Refresh this page to see how it went", started.Flash);
        var newest = await NewestFinishedAsync(session);
        Assert.Equal("real-package-search.json", newest.QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("4 read: 4 added, 0 updated", newest.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await service.NewSession().GetAsync("/datasets/organisation-chart-cbc")).Status);
        var run = Assert.Single(await service.WithDatabaseAsync(db => Task.FromResult(db.AuditEntries.Where(e => e.EntityType == "catalogue_import" && e.ActorId == administrator.Id).ToList())));
        Assert.Equal("finished", run.Action);
        Assert.Equal(("real-package-search.json", "4", "0", "0"), (run.After.Field("source"), run.After.Field("added"), run.After.Field("updated"), run.After.Field("withdrawn")));
    }

    [Fact]
    public async Task APortal_IsPagedThroughInTheBackground()
    {
        await using var portal = await LocalCkanPortal.StartAsync(Enumerable.Range(1, 3).Select(i => new SamplePackage($"admin-portal-{i}").ToJson()));
        var session = await AdministratorAsync();

        var started = await session.SubmitAsync(await session.GetAsync("/admin/catalogue"), [new("PortalUrl", portal.Address.ToString())], "form[action$='handler=Portal']");

        Assert.StartsWith("The import from 127.0.0.1 has started", started.Flash, StringComparison.Ordinal);
        var newest = await NewestFinishedAsync(session);
        Assert.Contains("3 read: 3 added", newest.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await service.NewSession().GetAsync("/datasets/admin-portal-3")).Status);
    }

    [Fact]
    public async Task NoFileOrABadAddress_SaysWhatIsWrong()
    {
        var session = await AdministratorAsync();
        var page = await session.GetAsync("/admin/catalogue");

        var noFile = await session.SubmitAsync(page, [], "form[action$='handler=File']");
        var badAddress = await session.SubmitAsync(page, [new("PortalUrl", "data.gov.uk")], "form[action$='handler=Portal']");

        Assert.Equal(HttpStatusCode.BadRequest, noFile.Status);
        Assert.Equal([("Select a file holding a CKAN package_search response", "Upload")], noFile.Errors);
        Assert.Equal([("Enter the portal's address, like https://data.gov.uk", "PortalUrl")], badAddress.Errors);
    }

    [Fact]
    public async Task OnlyAdministrators_MayImport()
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync(Roles.Publisher, "department-for-transport", twoFactor: true));

        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/admin/catalogue")).Status);
        Assert.StartsWith("/account/sign-in", (await service.NewSession().GetAsync("/admin/catalogue")).Url, StringComparison.Ordinal);
    }
}
