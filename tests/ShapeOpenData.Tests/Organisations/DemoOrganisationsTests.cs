namespace ShapeOpenData.Tests.Organisations;

/// <summary>The demo's organisations in the guide "Your right to data": what someone exploring the demo finds.</summary>
[Collection(DemoContent.Name)]
public sealed class DemoOrganisationsTests(DemoServiceFactory service)
{
    [Fact]
    public async Task TheGuide_ShowsTheDemoContacts_AndTheRecordOfTheDemoRequests()
    {
        var page = await service.NewSession().GetAsync("/your-right-to-data/organisations?name=transport");

        var row = page.Document.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector("a[href='/organisations/department-for-transport']") is not null);
        Assert.Equal("mailto:foi.dft@" + DemoAccounts.Domain, row.QuerySelector("td a")?.GetAttribute("href"));
        Assert.NotEqual("None yet (median, working days)", row.QuerySelectorAll("td")[2].TextContent.Squeezed());
    }
}
