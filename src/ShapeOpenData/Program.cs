using ShapeOpenData.Cli;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.Api;
using ShapeOpenData.Modules.Catalogue;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Commitments;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.DatasetRequests;
using ShapeOpenData.Modules.EthicsAssessments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Groups;
using ShapeOpenData.Modules.Jurisdiction;
using ShapeOpenData.Modules.Moderation;
using ShapeOpenData.Modules.Notifications;
using ShapeOpenData.Modules.Organisations;
using ShapeOpenData.Modules.Outcomes;
using ShapeOpenData.Modules.Search;
using ShapeOpenData.Modules.Shared;
using ShapeOpenData.Modules.Site;
using ShapeOpenData.Modules.Supports;
using ShapeOpenData.Modules.Updates;

// The same program serves the web and runs commands (`migrate`, `users add`, `seed-demo` …).
var isCommand = CommandLine.IsCommand(args);
if (isCommand && CommandLine.RefuseUnknown(args) is { } unknown)
{
    return unknown;
}
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
if (isCommand)
{
    builder.LogToStandardError();
}

AddModules(builder);

var app = builder.Build();

if (isCommand)
{
    return await CommandLine.RunAsync(app.Services, args, CommandConsole.Standard);
}

MapModules(app);
await app.Services.PrepareDatabaseAsync(seedDemoContent: app.Environment.IsDevelopment());
await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory, which also runs commands in the tests' own process.</summary>
public partial class Program
{
    /// <summary>Every module's services: the same for the web and for commands.</summary>
    public static WebApplicationBuilder AddModules(WebApplicationBuilder builder) =>
        builder.AddWebPlatform()
            .AddData()
            .AddApi()
            .AddShared()
            .AddSite()
            .AddAccounts()
            .AddOrganisations()
            .AddJurisdiction()
            .AddFollows()
            .AddComments()
            .AddNotifications()
            .AddSupports()
            .AddModeration()
            .AddDatasetRequests()
            .AddCatalogue()
            .AddGroups()
            .AddConsultations()
            .AddCommitments()
            .AddUpdates()
            .AddEthicsAssessments()
            .AddOutcomes()
            .AddSearch();

    private static void MapModules(WebApplication app)
    {
        app.UseWebPlatform();
        app.UseModeration();

        app.MapWebPlatform()
            .MapSite()
            .MapApi()
            .MapAccounts()
            .MapOrganisations()
            .MapJurisdiction()
            .MapModeration()
            .MapDatasetRequests()
            .MapCatalogue()
            .MapGroups()
            .MapConsultations()
            .MapCommitments()
            .MapUpdates()
            .MapEthicsAssessments()
            .MapOutcomes()
            .MapSearch();
    }
}
