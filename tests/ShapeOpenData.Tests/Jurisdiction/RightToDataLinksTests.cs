namespace ShapeOpenData.Tests.Jurisdiction;

/// <summary>People find the guide "Your right to data" where they need it: at the start, while asking and on every organisation.</summary>
[Trait("Databases", "one")]
public sealed class RightToDataLinksTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static bool LinksToTheGuide(WebPage page) => page.Document.QuerySelector("main a[href='/your-right-to-data']") is not null;

    [Theory]
    [InlineData("/")]
    [InlineData("/organisations/department-for-transport")]
    [InlineData("/organisations/home-office")]
    public async Task PublicPage_LinksToTheGuide(string path)
    {
        var page = await service.NewSession().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(LinksToTheGuide(page), $"{path} has no link to the guide");
    }

    [Theory]
    [InlineData("/requests/new")]
    [InlineData("/requests/new/formal")]
    public async Task AskingForData_LinksToTheGuide(string path)
    {
        var session = service.NewSession();
        await session.SignInAsync(await service.CreatePersonAsync());

        var page = await session.GetAsync(path);

        Assert.Equal(path, page.Url);
        Assert.True(LinksToTheGuide(page), $"{path} has no link to the guide");
    }

    [Fact]
    public async Task TheGuidesParts_LinkToEachOther()
    {
        var first = await service.NewSession().GetAsync("/your-right-to-data");
        var second = await service.NewSession().GetAsync("/your-right-to-data/organisations");

        Assert.NotNull(first.Document.QuerySelector("nav[aria-labelledby=guide-contents] a[href='/your-right-to-data/organisations']"));
        Assert.Equal("Ways to ask for data and how long public bodies have", first.Document.QuerySelector("nav[aria-labelledby=guide-contents] [aria-current=page]")?.TextContent.Trim());
        Assert.NotNull(second.Document.QuerySelector("nav[aria-labelledby=guide-contents] a[href='/your-right-to-data']"));
        Assert.Equal("Who to ask, and how each organisation answers", second.Document.QuerySelector("nav[aria-labelledby=guide-contents] [aria-current=page]")?.TextContent.Trim());
    }
}
