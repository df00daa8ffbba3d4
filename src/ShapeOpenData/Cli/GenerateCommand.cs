using System.CommandLine;
using System.Diagnostics;
using ShapeOpenData.Data;
using Spectre.Console;

namespace ShapeOpenData.Cli;

/// <summary>
/// <c>generate --scale national</c> or <c>generate --requests N --users N --supports N --comments N --seed S</c>:
/// benchmark data into the configured database, which must have no requests yet.
/// </summary>
public static class GenerateCommand
{
    public static Command Create(IServiceProvider services)
    {
        var scale = new Option<string?>("--scale") { Description = "national: 200,000 requests, 100,000 people, 2,000,000 supports, 500,000 comments (one request with 5,000)" };
        var requests = new Option<int?>("--requests") { Description = "How many requests" };
        var users = new Option<int?>("--users") { Description = "How many people" };
        var supports = new Option<int?>("--supports") { Description = "How many supports in all" };
        var comments = new Option<int?>("--comments") { Description = "How many comments in all" };
        var seed = new Option<int>("--seed") { Description = "The same seed makes the same data", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Generate benchmark data at a given scale, the same for the same seed.") { scale, requests, users, supports, comments, seed };
        command.Validators.Add(result =>
        {
            if (result.GetValue(scale) is { } value && value != "national")
            {
                result.AddError("The only named scale is 'national'; give --requests and the rest for any other size.");
            }
            if (result.GetValue(scale) is null && result.GetValue(requests) is null)
            {
                result.AddError("Give --scale national, or --requests (with --users, --supports and --comments).");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var national = parsed.GetValue(scale) == "national" ? GenerationSize.National : null;
            var count = parsed.GetValue(requests) ?? national?.Requests ?? 0;
            var size = new GenerationSize(
                count,
                parsed.GetValue(users) ?? national?.Users ?? Math.Max(10, count / 2),
                parsed.GetValue(supports) ?? national?.Supports ?? count * 10,
                parsed.GetValue(comments) ?? national?.Comments ?? count * 5 / 2,
                national?.HotComments ?? Math.Min(5_000, count * 5 / 4));
            if (size.Requests < 1 || size.Users < 2 || size.Supports < 0 || size.Comments < 0)
            {
                Console.Error.WriteLine("Generate at least one request and two people; counts cannot be negative.");
                return 1;
            }

            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            var timer = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var generator = ActivatorUtilities.CreateInstance<BenchmarkData>(scope.ServiceProvider);
            try
            {
                await AnsiConsole.Progress().AutoClear(false).Columns(
                        new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var tasks = new Dictionary<string, ProgressTask>();
                        await generator.GenerateAsync(size, parsed.GetValue(seed), (table, done, total) =>
                        {
                            if (!tasks.TryGetValue(table, out var task))
                            {
                                tasks[table] = task = progress.AddTask(table, maxValue: Math.Max(1, total));
                            }
                            task.Value = Math.Min(done, task.MaxValue);
                            if (done >= total) task.Value = task.MaxValue;
                        }, cancellationToken);
                    });
            }
            catch (InvalidOperationException refused)
            {
                Console.Error.WriteLine(refused.Message);
                return 1;
            }
            Console.WriteLine($"Generated {size.Requests:N0} requests, {size.Users:N0} people, {size.Supports:N0} supports and {size.Comments:N0} comments in {timer.Elapsed:m\\:ss}.");
            return 0;
        });
        return command;
    }
}
