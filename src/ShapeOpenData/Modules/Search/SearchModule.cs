using ShapeOpenData.Data;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Search;

/// <summary>
/// One search over every module's public items (DESIGN §4.10): the page at <c>/search</c>, <c>/api/v1/search</c>
/// and an OpenSearch description, so browsers can add the site's search. Modules opt in through
/// <see cref="ISearchSource"/> and <see cref="ISearchIndexed"/>.
/// </summary>
public static class SearchModule
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SiteSearch>();
        builder.Services.AddScoped<IReferenceData, SearchBackfill>();
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        SearchApi.Map(app);
        app.MapGet("/opensearch.xml", OpenSearch.Describe).ExcludeFromDescription();
        return app;
    }
}
