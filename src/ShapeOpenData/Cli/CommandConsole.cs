using Spectre.Console;

namespace ShapeOpenData.Cli;

/// <summary>
/// Where a command writes: its answer (a summary, a slug, tokens) to <see cref="Out"/>, and everything else — what went
/// wrong, what it did along the way, progress bars — to <see cref="Error"/>, so the answer can be piped.
/// </summary>
public sealed record CommandConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The process's standard output and standard error.</summary>
    public static CommandConsole Standard => new(Console.Out, Console.Error);

    /// <summary>Progress bars, drawn on <see cref="Error"/>.</summary>
    public Progress Progress() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) }).Progress();
}
