using System.CommandLine;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Catalogue;
using Spectre.Console;

namespace ShapeOpenData.Cli;

/// <summary><c>import-ckan FILE|URL</c>: brings a CKAN portal's datasets into the catalogue.</summary>
public static class ImportCkanCommand
{
    public static Command Create(IServiceProvider services, CommandConsole console)
    {
        var source = new Argument<string>("FILE|URL")
        {
            Description = "A file holding a package_search response, or a CKAN portal's address (like https://data.gov.uk), which is paged through",
        };
        var command = new Command("import-ckan", "Import datasets from CKAN. Importing again updates them and never duplicates; a dataset gone from a complete source is marked withdrawn.") { source };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var given = parsed.GetValue(source)!;
            var isPortal = Uri.TryCreate(given, UriKind.Absolute, out var portal) && portal.Scheme is "http" or "https";
            if (!isPortal && !File.Exists(given))
            {
                console.Error.WriteLine($"There is no file {Path.GetFullPath(given)}, and {given} is not an http or https address.");
                return 1;
            }
            if (isPortal && await SourceAddresses.RefusalAsync(portal!, services.GetRequiredService<IOptions<CatalogueOptions>>().Value, cancellationToken) is { } refusal)
            {
                console.Error.WriteLine($"Refused: {refusal}. To import from a portal on a private network, set Catalogue:AllowPrivateSources=true.");
                return 1;
            }
            await services.PrepareDatabaseAsync(seedDemoContent: false, cancellationToken);
            var imports = services.GetRequiredService<CatalogueImports>();

            CatalogueImport import = null!;
            ImportSummary? summary = null;
            await console.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Datasets", maxValue: 1);
                    var report = new Progress<ImportProgress>(p => (task.MaxValue, task.Value) = (Math.Max(1, p.Total), p.Done));
                    if (isPortal)
                    {
                        (import, summary) = await imports.RunAsync(portal!.ToString(), sources => sources.FromPortalAsync(portal, cancellationToken), null, report, cancellationToken);
                    }
                    else
                    {
                        await using var file = File.OpenRead(given);
                        (import, summary) = await imports.RunAsync(Path.GetFileName(given), _ => CkanSources.FromFileAsync(file, cancellationToken), null, report, cancellationToken);
                    }
                    task.Value = task.MaxValue;
                });

            if (summary is null)
            {
                console.Error.WriteLine($"The import failed: {import.Outcome}");
                return 1;
            }
            console.Out.WriteLine($"Read {summary.Read:N0} datasets from {summary.Source}: {summary.Added:N0} added, {summary.Updated:N0} updated, " +
                              $"{summary.Withdrawn:N0} withdrawn, {summary.RequestsLinked:N0} answered requests linked, {summary.Problems.Count:N0} problems.");
            if (!string.IsNullOrEmpty(import.Outcome))
            {
                console.Out.WriteLine(import.Outcome);
            }
            return 0;
        });
        return command;
    }
}
