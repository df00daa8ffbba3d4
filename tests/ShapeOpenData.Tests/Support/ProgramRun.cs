using System.Diagnostics;

namespace ShapeOpenData.Tests.Support;

/// <summary>One run of the real program as a process, as an operator runs a command, on the settings given.</summary>
public sealed record ProgramRun(int ExitCode, string Output, string Error)
{
    public string LastLine => Output.TrimEnd().Split('\n')[^1].Trim();

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
