using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Audit;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>One run of the CKAN import, from the command line or <c>/admin/catalogue</c>, and what came of it.</summary>
public sealed class CatalogueImport
{
    public int Id { get; set; }

    /// <summary>The portal's address, or the name of the file.</summary>
    public string Source { get; set; } = "";
    public bool IsFile { get; set; }
    public ImportState State { get; set; }
    public int? RequestedById { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Read { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Withdrawn { get; set; }
    public int RequestsLinked { get; set; }

    /// <summary>The problems with single records, one a line, or why the import failed.</summary>
    public string? Outcome { get; set; }
}

/// <summary>A run of the import as the audit log records it: where from, and how many datasets it added, updated and withdrew.</summary>
public sealed record ImportSnapshot(string Source, string State, int Read, int Added, int Updated, int Withdrawn, int RequestsLinked)
{
    public static ImportSnapshot Of(CatalogueImport i) => new(i.Source, i.State.ToCode(), i.Read, i.Added, i.Updated, i.Withdrawn, i.RequestsLinked);
}

public enum ImportState
{
    [Display(Name = "Waiting")] Queued,
    [Display(Name = "Running")] Running,
    [Display(Name = "Finished")] Finished,
    [Display(Name = "Failed")] Failed,
}

/// <summary>
/// Runs imports and keeps their record. Imports asked for on the web run here in the background, one at a
/// time, so a slow portal never holds a page open; an uploaded file waits in a temporary file until its turn.
/// Each run's end is audited with its record: by the administrator who asked for it, or by the service (the command line).
/// </summary>
public sealed partial class CatalogueImports(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CatalogueImports> logger)
    : BackgroundService
{
    /// <summary>The longest <see cref="CatalogueImport.Outcome"/> the database keeps (its column in <c>CatalogueImportMapping</c>).</summary>
    public const int OutcomeMaxLength = 40_000;

    private readonly Channel<(int Id, string? File)> _queue = Channel.CreateUnbounded<(int, string?)>();

    /// <summary>Records an import and queues it; <paramref name="file"/> is an uploaded package_search response.</summary>
    public async Task<int> QueueAsync(string source, Stream? file, int? requestedBy, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var import = new CatalogueImport
        {
            Source = source, IsFile = file is not null, State = ImportState.Queued, RequestedById = requestedBy, StartedAt = clock.UtcNow(),
        };
        db.CatalogueImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        string? path = null;
        if (file is not null)
        {
            path = Path.Combine(Path.GetTempPath(), $"shape-open-data-import-{Guid.NewGuid():N}.json");
            await using var saved = File.Create(path);
            await file.CopyToAsync(saved, cancellationToken);
        }
        await _queue.Writer.WriteAsync((import.Id, path), cancellationToken);
        return import.Id;
    }

    /// <summary>Runs an import now, recording it as it goes. The command line calls this directly.</summary>
    public async Task<(CatalogueImport Import, ImportSummary? Summary)> RunAsync(
        string source, Func<CkanSources, IAsyncEnumerable<CkanPage>> pages, int? existingId, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var import = existingId is { } id
            ? await db.CatalogueImports.SingleAsync(i => i.Id == id, cancellationToken)
            : db.CatalogueImports.Add(new CatalogueImport { Source = source, StartedAt = clock.UtcNow() }).Entity;
        import.State = ImportState.Running;
        await db.SaveChangesAsync(cancellationToken);

        ImportSummary? summary = null;
        try
        {
            summary = await services.GetRequiredService<CatalogueImporter>()
                .ImportAsync(pages(services.GetRequiredService<CkanSources>()), source, progress, cancellationToken);
            import.State = ImportState.Finished;
            (import.Read, import.Added, import.Updated, import.Withdrawn, import.RequestsLinked) =
                (summary.Read, summary.Added, summary.Updated, summary.Withdrawn, summary.RequestsLinked);
            import.Outcome = Describe(summary);
        }
        catch (ImportFailedException failure)
        {
            import.State = ImportState.Failed;
            import.Outcome = Fit(failure.Message);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Recorded, so the run does not show as running for ever; then raised, for the log or the command line.
            import.State = ImportState.Failed;
            import.Outcome = Fit($"The import stopped because of an unexpected error: {failure.Message}");
            await FinishAsync(db, import);
            throw;
        }
        await FinishAsync(db, import);
        return (import, summary);
    }

    private async Task FinishAsync(AppDbContext db, CatalogueImport import)
    {
        import.FinishedAt = clock.UtcNow();
        db.ChangeTracker.Clear();
        db.CatalogueImports.Update(import);
        db.AuditEntries.Add(AuditEntry.Of(CatalogueModule.ImportItemType, import.Id, import.State.ToCode(), import.RequestedById, import.FinishedAt.Value,
            null, ImportSnapshot.Of(import)));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        await foreach (var (id, file) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunQueuedAsync(id, file, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogFailed(logger, id, failure);
            }
        }
    }

    private async Task RunQueuedAsync(int id, string? path, CancellationToken stoppingToken)
    {
        string source;
        await using (var scope = scopes.CreateAsyncScope())
        {
            source = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CatalogueImports.Where(i => i.Id == id).Select(i => i.Source).SingleAsync(stoppingToken);
        }
        try
        {
            if (path is not null)
            {
                await using var file = File.OpenRead(path);
                await RunAsync(source, _ => CkanSources.FromFileAsync(file, stoppingToken), id, null, stoppingToken);
            }
            else
            {
                await RunAsync(source, sources => sources.FromPortalAsync(new Uri(source), stoppingToken), id, null, stoppingToken);
            }
        }
        finally
        {
            if (path is not null) File.Delete(path);
        }
    }

    /// <summary>An import that was waiting or running when the service stopped will not finish: say so.</summary>
    private async Task MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.CatalogueImports.Where(i => i.State == ImportState.Queued || i.State == ImportState.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.State, ImportState.Failed)
                .SetProperty(i => i.Outcome, "The service restarted before this import finished. Run it again.")
                .SetProperty(i => i.FinishedAt, clock.UtcNow()), cancellationToken);
    }

    /// <summary>What a run left to be done, as many problems as fit in the record's column (it holds 40,000 characters).</summary>
    public static string Describe(ImportSummary summary)
    {
        var text = new StringBuilder();
        if (!summary.Complete)
        {
            text.AppendLine("The source has more datasets than were read, so none were marked withdrawn.");
        }
        var shown = 0;
        foreach (var problem in summary.Problems.Take(500))
        {
            var name = problem.Name is null ? "" : $" ({(problem.Name.Length > 200 ? problem.Name[..200] + "…" : problem.Name)})";
            var line = string.Create(CultureInfo.InvariantCulture, $"Record {problem.Record}{name}: {problem.Message}");
            // Room is kept for the closing line.
            if (text.Length + line.Length + 100 > OutcomeMaxLength)
            {
                break;
            }
            text.AppendLine(line);
            shown++;
        }
        if (summary.Problems.Count > shown)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"… and {summary.Problems.Count - shown:N0} more problems.");
        }
        return text.ToString().TrimEnd();
    }

    private static string Fit(string text) => text.Length <= OutcomeMaxLength ? text : text[..(OutcomeMaxLength - 1)] + "…";

    [LoggerMessage(LogLevel.Error, "Catalogue import {Id} failed")]
    private static partial void LogFailed(ILogger logger, int id, Exception failure);
}
