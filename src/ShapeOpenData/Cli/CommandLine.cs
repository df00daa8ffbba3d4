using System.CommandLine;
using ShapeOpenData.Data;

namespace ShapeOpenData.Cli;

/// <summary>
/// The commands the program takes besides serving the web:
/// <c>dotnet run --project src/ShapeOpenData -- COMMAND …</c>. They use the same configuration as the service.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["migrate", "users", "tokens", "seed-demo", "generate", "import-ckan", "import-polis", "opinion-groups"];
    private static readonly string[] Help = ["help", "--help", "-h", "-?"];

    /// <summary>
    /// Whether the program was asked to run a command rather than serve the web. The web server's own arguments
    /// are options (<c>--urls …</c>) or settings (<c>Key=value</c>); anything else in first place is taken as a
    /// command, so a mistyped one is refused rather than silently starting the web server.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Help.Contains(args[0]) || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    /// <summary>Says that the first argument is not a command and lists the commands; null when it is one.</summary>
    public static int? RefuseUnknown(string[] args)
    {
        if (Commands.Contains(args[0]) || Help.Contains(args[0]))
        {
            return null;
        }
        Console.Error.WriteLine($"'{args[0]}' is not a command. The commands are: {string.Join(", ", Commands)}.");
        Console.Error.WriteLine("Run with no command to serve the web, or with --help for what each command does.");
        return 2;
    }

    /// <summary>A command's standard output is its answer (a summary, tokens, CSV): logs go to standard error.</summary>
    public static WebApplicationBuilder LogToStandardError(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }

    /// <summary>Runs the command <paramref name="args"/> names on the program's services, writing to <paramref name="console"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CommandConsole console)
    {
        var root = new RootCommand("Shape open data: run with no command to serve the web.")
        {
            Migrate(services, console),
            UsersCommands.Create(services, console),
            TokensCommands.Create(services, console),
            SeedDemo(services, console),
            GenerateCommand.Create(services, console),
            ImportCkanCommand.Create(services, console),
            PolisCommands.ImportPolis(services, console),
            PolisCommands.OpinionGroups(services, console),
        };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }

    private static Command Migrate(IServiceProvider services, CommandConsole console)
    {
        var command = new Command("migrate", "Apply database migrations and make sure reference data is there.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            console.Out.WriteLine("The database is up to date.");
            return 0;
        });
        return command;
    }

    private static Command SeedDemo(IServiceProvider services, CommandConsole console)
    {
        var command = new Command("seed-demo", "Add demo people and content (for demonstrations and development).");
        command.SetAction(async (_, cancellationToken) =>
        {
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            await DataModule.SeedDemoContentAsync(scope.ServiceProvider, cancellationToken);
            console.Out.WriteLine("Demo content added.");
            return 0;
        });
        return command;
    }
}
