using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Modules.Organisations;

namespace ShapeOpenData.Tests.Organisations;

/// <summary>
/// The guide's second part: each organisation's freedom of information contact and its record of answering in time,
/// the same figures its own page shows, searchable by name and paged.
/// </summary>
[Collection(SharedService.People)]
public sealed class AnsweringTests(ServiceFactory service)
{
    private const string Path = "/your-right-to-data/organisations";

    private Task<int> SetContactAsync(string slug, string? contact) => service.WithDatabaseAsync(db =>
        db.Organisations.Where(o => o.Slug == slug).ExecuteUpdateAsync(o => o.SetProperty(x => x.FoiContact, contact)));

    private static AngleSharp.Dom.IElement? RowOf(WebPage page, string slug) =>
        page.Document.QuerySelectorAll("main tbody tr").FirstOrDefault(r => r.QuerySelector($"a[href='/organisations/{slug}']") is not null);

    [Fact]
    public async Task Get_ShowsEachOrganisationsContactAndTheRecordItsPageShows()
    {
        await SetContactAsync("department-for-transport", "foi-advice@dft.example");
        await service.SubmitRequestAsync(await service.CreatePersonAsync(withPassword: false), "Bus punctuality by route");

        var page = await service.NewSession().GetAsync($"{Path}?name=transport");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = RowOf(page, "department-for-transport") ?? throw new InvalidOperationException("No row for the Department for Transport");
        Assert.Equal("mailto:foi-advice@dft.example", row.QuerySelector("td a")?.GetAttribute("href"));
        var columns = page.Document.QuerySelectorAll("main thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Organisation", "Freedom of information contact", "Answered within the deadline", "Typical time to first response"], columns);
        var organisationPage = await service.NewSession().GetAsync("/organisations/department-for-transport");
        var record = organisationPage.Document.QuerySelectorAll("#record + dl .govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Squeezed());
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Squeezed()).ToList();
        Assert.Equal([record["Answered within the deadline"], record["Typical time to first response"]], cells.Skip(1));
    }

    [Fact]
    public async Task Get_WithoutAContact_PointsToTheWebsite_AndAWebPageContactIsALink()
    {
        await SetContactAsync("home-office", "https://www.gov.uk/make-a-freedom-of-information-request");
        await SetContactAsync("cabinet-office", null);

        var page = await service.NewSession().GetAsync($"{Path}?name=office");

        Assert.Equal("https://www.gov.uk/make-a-freedom-of-information-request", RowOf(page, "home-office")?.QuerySelector("td a")?.GetAttribute("href"));
        var cabinetOffice = RowOf(page, "cabinet-office")?.QuerySelector("td");
        Assert.Equal("Not recorded here: see its website", cabinetOffice?.TextContent.Squeezed());
        Assert.Equal("https://www.gov.uk/government/organisations/cabinet-office", cabinetOffice?.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_ByName_ShowsOnlyMatchingOrganisations()
    {
        var page = await service.NewSession().GetAsync($"{Path}?name=DFT");

        Assert.Equal(["department-for-transport"], page.Document.QuerySelectorAll("main tbody th a").Select(a => a.GetAttribute("href")![15..]));
        Assert.Equal("1 organisation", page.Document.GetElementById("organisations-found")?.TextContent.Trim());
        Assert.Equal("DFT", page.Document.GetElementById("Name")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Get_EveryOrganisation_IsPaged()
    {
        var total = await service.WithDatabaseAsync(db => db.Organisations.CountAsync());

        var first = await service.NewSession().GetAsync(Path);
        var second = await service.NewSession().GetAsync($"{Path}?page=2");

        Assert.Equal($"{total} organisations", first.Document.GetElementById("organisations-found")?.TextContent.Trim());
        var names = first.Document.QuerySelectorAll("main tbody th a").Select(a => a.TextContent).ToList();
        Assert.Equal(20, names.Count);
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.NotNull(first.Document.QuerySelector("nav.govuk-pagination a[href='?page=2']"));
        Assert.Empty(names.Intersect(second.Document.QuerySelectorAll("main tbody th a").Select(a => a.TextContent)));
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?page=x")]
    public async Task Get_ABadPageNumber_SaysSo(string query)
    {
        var page = await service.NewSession().GetAsync(Path + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Enter a page number from 1 to 10,000", page.Errors.Single().Message);
    }

    [Fact]
    public async Task Get_WithANameTooLong_SaysSoOnTheField()
    {
        var page = await service.NewSession().GetAsync($"{Path}?name={new string('a', AnsweringModel.NameMaxLength + 1)}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("The name must be 200 characters or fewer", page.FieldError("Name"));
    }
}
