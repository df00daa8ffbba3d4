using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ShapeOpenData.Cli;

namespace ShapeOpenData.Tests.Support;

/// <summary>One run of a command, as an operator runs it, on the settings given.</summary>
public sealed record ProgramRun(int ExitCode, string Output, string Error)
{
    public string LastLine => Output.TrimEnd().Split('\n')[^1].Trim();

    /// <summary>
    /// The command on the program's own services, built as the program builds them for a command, but in the tests'
    /// process: what the command does and prints, without the seconds of processor time a new process spends starting
    /// (<see cref="RunAsync"/> runs the program itself, for what only a process shows).
    /// </summary>
    /// <param name="settings">Configuration, as the program reads it from its environment.</param>
    public static async Task<ProgramRun> InProcessAsync(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = Path.GetDirectoryName(typeof(Program).Assembly.Location),
        });
        // As in an environment, a setting given twice takes the later value.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        Program.AddModules(builder);
        await using var app = builder.Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(app.Services, args, new CommandConsole(output, error));
        return new ProgramRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The real program as a process.</summary>
    /// <param name="settings">Configuration, given as environment variables (<c>Catalogue:ImportPageSize</c> as <c>Catalogue__ImportPageSize</c>).</param>
    public static async Task<ProgramRun> RunAsync(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        var program = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(program)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Only a guard against a hung process: seeding demo content on a busy CI machine can take minutes.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return new ProgramRun(process.ExitCode, await output, await error);
    }
}
