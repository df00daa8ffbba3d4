using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Consultations;
using ShapeOpenData.Modules.Consultations.OpinionGroups;

namespace ShapeOpenData.Cli;

/// <summary>
/// <c>import-polis DIR</c> reads a Pol.is export folder into a new closed consultation and prints its slug as the last line;
/// <c>opinion-groups SLUG</c> recomputes a consultation's opinion groups now and prints the seconds taken, k and the number
/// of participants grouped as the last line (with <c>--measure</c>, after a line saying how long each step took and how much
/// memory it took, for the benchmark; with <c>--repeat</c>, recomputing twice more in the same process as the service does).
/// </summary>
public static class PolisCommands
{
    public static Command ImportPolis(IServiceProvider services, CommandConsole console)
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "A Pol.is export folder: comments.csv and votes.csv (summary.csv is read for the topic if there)" };
        var organisation = new Option<string>("--organisation") { Description = "The organisation that owns it, by short name", DefaultValueFactory = _ => "cabinet-office" };
        var command = new Command("import-polis", "Import a Pol.is conversation as a new closed consultation, with its statements, votes and moderation.") { folder, organisation };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var directory = parsed.GetValue(folder)!;
            if (!File.Exists(Path.Combine(directory.FullName, PolisExport.CommentsFile)) || !File.Exists(Path.Combine(directory.FullName, PolisExport.VotesFile)))
            {
                console.Error.WriteLine($"{directory.FullName} is not a Pol.is export: it needs {PolisExport.CommentsFile} and {PolisExport.VotesFile}.");
                return 1;
            }
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var owner = parsed.GetValue(organisation)!;
            if (await db.Organisations.Where(o => o.Slug == owner).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken) is not { } ownerId)
            {
                console.Error.WriteLine($"There is no organisation '{owner}'.");
                return 1;
            }
            PolisConversation conversation;
            try
            {
                conversation = PolisExport.Read(directory.FullName);
            }
            catch (Exception unreadable) when (unreadable is CsvHelper.CsvFormatException or CsvHelper.CsvValidationException or FormatException or InvalidCastException or KeyNotFoundException or IOException)
            {
                console.Error.WriteLine($"The export could not be read: {unreadable.Message}");
                return 1;
            }
            var consultation = await scope.ServiceProvider.GetRequiredService<PolisInterop>()
                .ImportAsync(conversation, PolisInterop.ReadSummary(directory.FullName), ownerId, null, cancellationToken);
            console.Error.WriteLine($"Imported {conversation.Statements.Count:N0} statements and {conversation.Votes.Count:N0} votes.");
            console.Out.WriteLine(consultation.Slug);
            return 0;
        });
        return command;
    }

    public static Command OpinionGroups(IServiceProvider services, CommandConsole console)
    {
        var slug = new Argument<string>("SLUG") { Description = "The consultation's short name" };
        var measure = new Option<bool>("--measure") { Description = "Also print the time spent reading, computing and saving, the processor time and the peak memory" };
        var repeat = new Option<bool>("--repeat")
        {
            Description = "Then recompute twice more in this process, as the running service does: reading every vote again, then only those since",
        };
        var command = new Command("opinion-groups", "Recompute a consultation's opinion groups now.") { slug, measure, repeat };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            var given = parsed.GetValue(slug)!;
            int? id;
            await using (var scope = services.CreateAsyncScope())
            {
                id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Consultations.Where(c => c.Slug == given).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
            }
            if (id is null)
            {
                console.Error.WriteLine($"There is no consultation '{given}'.");
                return 1;
            }
            string[] runs = parsed.GetValue(repeat) ? ["a new process", "every vote read again", "the votes since caught up"] : ["a new process"];
            OpinionGroupRunSummary? run = null;
            using var process = Process.GetCurrentProcess();
            foreach (var (label, n) in runs.Select((label, n) => (label, n)))
            {
                if (n == 1)
                {
                    // As every ten minutes in the service: the votes kept from the last run are set aside.
                    services.GetRequiredService<VoteSnapshots>().Take(id.Value);
                }
                process.Refresh();
                var (before, processorBefore) = (process.WorkingSet64, process.TotalProcessorTime);
                await using var scope = services.CreateAsyncScope();
                run = (await scope.ServiceProvider.GetRequiredService<OpinionGroupComputation>().RecomputeAsync(id.Value, force: true, cancellationToken))!;
                if (parsed.GetValue(measure))
                {
                    process.Refresh();
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{label}: reading {run.Reading.TotalSeconds:0.000} s, computing {run.Computing.TotalSeconds:0.000} s, saving {run.Saving.TotalSeconds:0.000} s; " +
                        $"processor {(process.TotalProcessorTime - processorBefore).TotalSeconds:0.000} s; peak {process.PeakWorkingSet64 / 1_048_576} MB, " +
                        $"{(process.PeakWorkingSet64 - before) / 1_048_576} MB more than before"));
                }
            }
            console.Error.WriteLine($"{run!.Voters:N0} people voted.");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run.Took.TotalSeconds:0.000} seconds, k = {run.K}, {run.Grouped} participants grouped"));
            return 0;
        });
        return command;
    }
}
