using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using Spectre.Console;

namespace ShapeOpenData.Cli;

/// <summary>
/// <c>generate --scale national</c> or <c>generate --requests N --users N --supports N --comments N --seed S</c>:
/// benchmark data into the configured database, which must have no requests yet. <c>generate --consultation
/// --participants N --statements M --votes-per-participant V [--groups G]</c>: a new open consultation with opinion
/// groups planted in its votes, its slug printed as the last line.
/// </summary>
public static class GenerateCommand
{
    public static Command Create(IServiceProvider services, CommandConsole console)
    {
        var scale = new Option<string?>("--scale") { Description = "national: 200,000 requests, 100,000 people, 2,000,000 supports, 500,000 comments (one request with 5,000)" };
        var requests = new Option<int?>("--requests") { Description = "How many requests" };
        var users = new Option<int?>("--users") { Description = "How many people" };
        var supports = new Option<int?>("--supports") { Description = "How many supports in all" };
        var comments = new Option<int?>("--comments") { Description = "How many comments in all" };
        var consultation = new Option<bool>("--consultation") { Description = "Generate a consultation with opinion groups instead (into any database)" };
        var participants = new Option<int?>("--participants") { Description = "How many people vote on the consultation's statements" };
        var statements = new Option<int?>("--statements") { Description = "How many statements" };
        var votesEach = new Option<double?>("--votes-per-participant") { Description = "Votes a person, on average (most vote less, a few far more)" };
        var groups = new Option<int>("--groups") { Description = "Opinion groups planted in the votes", DefaultValueFactory = _ => 4 };
        var plantedFile = new Option<FileInfo?>("--planted") { Description = "Also write each participant's number and the group planted for them to this CSV file" };
        var organisation = new Option<string>("--organisation") { Description = "The organisation that owns the consultation, by short name", DefaultValueFactory = _ => "cabinet-office" };
        var seed = new Option<int>("--seed") { Description = "The same seed makes the same data", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Generate benchmark data at a given scale, the same for the same seed.")
        {
            scale, requests, users, supports, comments, consultation, participants, statements, votesEach, groups, plantedFile, organisation, seed,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(consultation))
            {
                if (result.GetValue(participants) is not > 0 || result.GetValue(statements) is not > 0 || result.GetValue(votesEach) is not > 0)
                {
                    result.AddError("Give --participants, --statements and --votes-per-participant, each more than 0.");
                }
                if (result.GetValue(groups) is < 1 or > 5)
                {
                    result.AddError("Plant from 1 to 5 groups (--groups).");
                }
                return;
            }
            if (result.GetValue(scale) is { } value && value != "national")
            {
                result.AddError("The only named scale is 'national'; give --requests and the rest for any other size.");
            }
            if (result.GetValue(scale) is null && result.GetValue(requests) is null)
            {
                result.AddError("Give --scale national, or --requests (with --users, --supports and --comments), or --consultation.");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (parsed.GetValue(consultation))
            {
                var planted = new ConsultationSize(parsed.GetValue(participants)!.Value, parsed.GetValue(statements)!.Value, parsed.GetValue(votesEach)!.Value, parsed.GetValue(groups));
                return await GenerateConsultationAsync(services, console, planted, parsed.GetValue(organisation)!, parsed.GetValue(seed), parsed.GetValue(plantedFile), cancellationToken);
            }
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
                console.Error.WriteLine("Generate at least one request and two people; counts cannot be negative.");
                return 1;
            }

            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            var timer = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var generator = ActivatorUtilities.CreateInstance<BenchmarkData>(scope.ServiceProvider);
            try
            {
                await WithProgressAsync(console, progress => generator.GenerateAsync(size, parsed.GetValue(seed), progress, cancellationToken));
            }
            catch (InvalidOperationException refused)
            {
                console.Error.WriteLine(refused.Message);
                return 1;
            }
            console.Out.WriteLine($"Generated {size.Requests:N0} requests, {size.Users:N0} people, {size.Supports:N0} supports and {size.Comments:N0} comments in {timer.Elapsed:m\\:ss}.");
            return 0;
        });
        return command;
    }

    private static async Task<int> GenerateConsultationAsync(
        IServiceProvider services, CommandConsole console, ConsultationSize size, string organisation, int seed, FileInfo? plantedFile, CancellationToken cancellationToken)
    {
        await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
        var timer = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Organisations.Where(o => o.Slug == organisation).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken) is not { } owner)
        {
            console.Error.WriteLine($"There is no organisation '{organisation}'.");
            return 1;
        }
        var generator = ActivatorUtilities.CreateInstance<BenchmarkData>(scope.ServiceProvider);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().UtcNow();
        GeneratedConsultation? generated = null;
        await WithProgressAsync(console, async progress => generated = await generator.GenerateConsultationAsync(size, owner, seed, now, progress, cancellationToken));
        if (plantedFile is not null)
        {
            // Participants are numbered from 0 in the order planted, as exports name them.
            await File.WriteAllLinesAsync(plantedFile.FullName, ["participant,group", .. generated!.PlantedGroup.Select((g, p) => $"{p},{g}")], cancellationToken);
        }
        console.Error.WriteLine($"Generated {size.Participants:N0} participants voting on {size.Statements:N0} statements in {timer.Elapsed:m\\:ss}.");
        console.Out.WriteLine(generated!.Slug);
        return 0;
    }

    /// <summary>Runs the generation with a progress bar per table, each told how far it has got.</summary>
    private static Task WithProgressAsync(CommandConsole console, Func<Action<string, int, int>, Task> generate) =>
        console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                await generate((table, done, total) =>
                {
                    if (!tasks.TryGetValue(table, out var task))
                    {
                        tasks[table] = task = progress.AddTask(table, maxValue: Math.Max(1, total));
                    }
                    task.Value = Math.Min(done, task.MaxValue);
                    if (done >= total) task.Value = task.MaxValue;
                });
            });
}
