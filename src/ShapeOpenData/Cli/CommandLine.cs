using System.CommandLine;
using ShapeOpenData.Data;

namespace ShapeOpenData.Cli;

/// <summary>
/// The commands the program takes besides serving the web:
/// <c>dotnet run --project src/ShapeOpenData -- COMMAND …</c>. They use the same configuration as the service.
/// </summary>
public static class CommandLine
{
    private static readonly HashSet<string> Commands = ["migrate", "users", "tokens", "seed-demo", "generate", "import-ckan", "help", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>A command's standard output is its answer (a summary, tokens, CSV): logs go to standard error.</summary>
    public static WebApplicationBuilder LogToStandardError(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var root = new RootCommand("Shape open data: run with no command to serve the web.")
        {
            Migrate(services),
            UsersCommands.Create(services),
            TokensCommands.Create(services),
            SeedDemo(services),
            GenerateCommand.Create(services),
            ImportCkanCommand.Create(services),
        };
        return await root.Parse(args).InvokeAsync();
    }

    private static Command Migrate(IServiceProvider services)
    {
        var command = new Command("migrate", "Apply database migrations and make sure reference data is there.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            Console.WriteLine("The database is up to date.");
            return 0;
        });
        return command;
    }

    private static Command SeedDemo(IServiceProvider services)
    {
        var command = new Command("seed-demo", "Add demo people and content (for demonstrations and development).");
        command.SetAction(async (_, cancellationToken) =>
        {
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            await DataModule.SeedDemoContentAsync(scope.ServiceProvider, cancellationToken);
            Console.WriteLine("Demo content added.");
            return 0;
        });
        return command;
    }
}
