namespace ShapeOpenData.Tests.Site;

[Trait("Databases", "one")]
[Collection(SharedService.People)]
public sealed class PagesTests(ServiceFactory service)
{
    [Theory]
    [InlineData("/", "Shape open data")]
    [InlineData("/accessibility", "Accessibility statement for Shape open data")]
    [InlineData("/privacy", "Privacy notice")]
    [InlineData("/cookies", "Cookies")]
    [InlineData("/organisations", "Organisations")]
    [InlineData("/tools/deadline", "When is a reply due?")]
    [InlineData("/api-docs", "API reference")]
    [InlineData("/account/sign-in", "Sign in")]
    [InlineData("/account/register", "Create an account")]
    [InlineData("/account/forgotten-password", "Reset your password")]
    public async Task Get_ShowsThePageInTheServiceLayout(string path, string heading)
    {
        var page = await service.NewSession().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(heading, page.Heading);
        var document = page.Document;
        Assert.Equal("#main-content", document.QuerySelector(".govuk-skip-link")?.GetAttribute("href"));
        Assert.NotNull(document.GetElementById("main-content"));
        Assert.Equal("Shape open data", document.QuerySelector(".govuk-service-navigation__service-name")?.TextContent.Trim());
        Assert.Contains("Beta", document.QuerySelector(".govuk-phase-banner")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".govuk-phase-banner a[href]"));
        Assert.Contains("Open Government Licence v3.0", document.QuerySelector(".govuk-footer")?.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("Shape open data", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_ListsOnlyEssentialCookies()
    {
        var page = await service.NewSession().GetAsync("/cookies");

        var names = page.Document.QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent).ToList();
        Assert.Contains("sod_session", names);
        Assert.Contains("sod_antiforgery", names);
        Assert.Contains("We only use essential cookies", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownPage_ShowsNotFoundInTheServiceStyle()
    {
        var page = await service.NewSession().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Heading);
        Assert.NotNull(page.Document.QuerySelector(".govuk-footer"));
    }

    [Fact]
    public async Task EveryResponse_CarriesAStrictContentSecurityPolicyAndSecurityHeaders()
    {
        var response = await service.NewSession().Http.GetAsync("/");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        var page = await service.NewSession().GetAsync("/");

        var scripts = page.Document.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script =>
        {
            Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), "every script is a file");
            Assert.True(string.IsNullOrWhiteSpace(script.TextContent));
        });
    }

    [Theory]
    [InlineData("/lib/govuk-frontend/govuk-frontend.min.css", "text/css")]
    [InlineData("/lib/govuk-frontend/govuk-frontend.min.js", "text/javascript")]
    [InlineData("/js/govuk-init.mjs", "text/javascript")]
    public async Task GovukFrontend_IsServedFromTheService(string path, string contentType)
    {
        var response = await service.NewSession().Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CompressedStaticFiles_KeepTheirContentType()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/js/govuk-init.mjs");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        var response = await service.CreateClient().SendAsync(request);

        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task StylesheetLinks_PointAtFilesThatExist()
    {
        var session = service.NewSession();
        var page = await session.GetAsync("/");

        foreach (var href in page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!))
        {
            Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync(href)).StatusCode);
        }
    }
}
