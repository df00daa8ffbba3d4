using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Organisations;

[Collection(SharedService.People)]
public sealed class OrganisationPagesTests(ServiceFactory service)
{
    private async Task<WebSession> AdministratorAsync(Person? administrator = null)
    {
        var session = service.NewSession();
        await session.SignInAsync(administrator ?? await service.CreatePersonAsync(Roles.Administrator, twoFactor: true));
        return session;
    }

    private Task<int> IdOfAsync(string slug) => service.WithDatabaseAsync(db => db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task Index_ListsTheUkDepartmentsByKind()
    {
        var page = await service.NewSession().GetAsync("/organisations");

        var headings = page.Document.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Contains(headings, h => h.StartsWith("Ministerial departments (25)", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.StartsWith("Non-ministerial departments (20)", StringComparison.Ordinal));
        Assert.NotNull(page.Document.QuerySelector("a[href='/organisations/department-for-transport']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/organisations/hm-revenue-customs']"));
        Assert.Null(page.Document.QuerySelector("a[href='/organisations/new']"));
    }

    [Fact]
    public async Task Show_DescribesTheOrganisation()
    {
        var page = await service.NewSession().GetAsync("/organisations/department-for-transport");

        Assert.Equal("Department for Transport", page.Heading);
        Assert.Contains("Ministerial department", page.Text, StringComparison.Ordinal);
        Assert.Contains("DfT", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownOrganisation_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await service.NewSession().GetAsync("/organisations/ministry-of-magic")).Status);
    }

    [Fact]
    public async Task Edit_IsForAdministratorsOnly()
    {
        var participant = service.NewSession();
        await participant.SignInAsync(await service.CreatePersonAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync("/organisations/department-for-transport/edit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync("/organisations/new")).Status);
        Assert.StartsWith("/account/sign-in", (await service.NewSession().GetAsync("/organisations/new")).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_ByAnAdministrator_AddsAnOrganisationPartOfAnother()
    {
        var session = await AdministratorAsync();

        var saved = await session.SubmitAsync(await session.GetAsync("/organisations/new"),
            ("Form.Name", "Driver and Vehicle Standards Agency"), ("Form.Slug", "driver-and-vehicle-standards-agency"),
            ("Form.Abbreviation", "DVSA"), ("Form.Kind", "public_body"), ("Form.Parent", "department-for-transport"),
            ("Form.Website", "https://www.gov.uk/government/organisations/driver-and-vehicle-standards-agency"), ("Form.FoiContact", "foi@dvsa.example"));

        Assert.Equal("/organisations/driver-and-vehicle-standards-agency", saved.Url);
        Assert.Equal("Driver and Vehicle Standards Agency has been saved", saved.Flash);
        Assert.Contains("Department for Transport", saved.Text, StringComparison.Ordinal);
        var parent = await service.NewSession().GetAsync("/organisations/department-for-transport");
        Assert.NotNull(parent.Document.QuerySelector("a[href='/organisations/driver-and-vehicle-standards-agency']"));
    }

    [Fact]
    public async Task Edit_WithMistakes_SaysWhatIsWrongAndChangesNothing()
    {
        var session = await AdministratorAsync();

        var page = await session.SubmitAsync(await session.GetAsync("/organisations/home-office/edit"),
            ("Form.Name", ""), ("Form.Slug", "cabinet-office"), ("Form.Kind", "castle"), ("Form.Website", "not a url"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(
            [
                ("Enter the organisation's name", "Form-Name"), ("Another organisation already has this short name", "Form-Slug"),
                ("Select what kind of organisation it is", "Form-Kind"), ("Enter the website's full address, starting with https://", "Form-Website"),
            ],
            page.Errors);
        Assert.All(page.Errors, e => Assert.NotNull(page.Document.GetElementById(e.Target!)));
        Assert.Equal("Home Office", await service.WithDatabaseAsync(db => db.Organisations.Where(o => o.Slug == "home-office").Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Edit_ByAnAdministrator_SavesTheChange()
    {
        var session = await AdministratorAsync();
        var form = await session.GetAsync("/organisations/ofsted/edit");
        Assert.Equal("Ofsted", form.Document.GetElementById("Form-Name")?.GetAttribute("value"));

        var saved = await session.SubmitAsync(form,
            ("Form.Name", "Ofsted"), ("Form.Slug", "ofsted"), ("Form.Kind", "non_ministerial_department"), ("Form.FoiContact", "foi@ofsted.example"));

        Assert.Equal("/organisations/ofsted", saved.Url);
        Assert.Contains("foi@ofsted.example", saved.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAndEditing_AreAuditedWithWhoAndTheFieldsBeforeAndAfter()
    {
        var administrator = await service.CreatePersonAsync(Roles.Administrator, twoFactor: true);
        var session = await AdministratorAsync(administrator);
        await session.SubmitAsync(await session.GetAsync("/organisations/new"),
            ("Form.Name", "Audited Agency"), ("Form.Slug", "audited-agency"), ("Form.Kind", "public_body"), ("Form.Parent", "cabinet-office"));

        await session.SubmitAsync(await session.GetAsync("/organisations/audited-agency/edit"),
            ("Form.Name", "Audited Agency"), ("Form.Slug", "audited-agency"), ("Form.Kind", "public_body"), ("Form.Parent", "cabinet-office"),
            ("Form.FoiContact", "foi@audited.example"));

        var trail = await service.AuditTrailAsync("organisation", await IdOfAsync("audited-agency"));
        Assert.Equal(["created", "changed"], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal(administrator.Id, e.ActorId));
        var (created, changed) = (trail[0], trail[1]);
        Assert.Null(created.Before);
        Assert.Equal(("Audited Agency", "public_body"), (created.After.Field("name"), created.After.Field("kind")));
        Assert.Equal((await IdOfAsync("cabinet-office")).ToString(System.Globalization.CultureInfo.InvariantCulture), created.After.Field("parentId"));
        Assert.Equal((null, "foi@audited.example"), (changed.Before.Field("foiContact"), changed.After.Field("foiContact")));
    }

    [Fact]
    public async Task Edit_WithMistakes_WritesNoAuditEntry()
    {
        var session = await AdministratorAsync();

        await session.SubmitAsync(await session.GetAsync("/organisations/ofqual/edit"), ("Form.Name", ""), ("Form.Slug", "ofqual"), ("Form.Kind", "non_ministerial_department"));

        Assert.Empty(await service.AuditTrailAsync("organisation", await IdOfAsync("ofqual")));
    }
}
