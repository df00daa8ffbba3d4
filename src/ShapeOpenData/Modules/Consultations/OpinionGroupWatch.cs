using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.Consultations;

public sealed class ConsultationOptions
{
    /// <summary>How often the opinion groups of consultations with new votes are recomputed, at most.</summary>
    public TimeSpan GroupsEvery { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Recomputes the opinion groups of every open consultation whose votes changed (and of a closed one once after its close), every few seconds: in the background,
/// so a vote is acknowledged without waiting for it, and one consultation at a time, so a big one never holds a core for long
/// alongside another. With several instances each does the same harmless work; the last to save wins.
/// </summary>
internal sealed partial class OpinionGroupWatch(IServiceScopeFactory scopes, IOptions<ConsultationOptions> options, TimeProvider clock, ILogger<OpinionGroupWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RecomputeChangedAsync(stoppingToken);
                await Task.Delay(options.Value.GroupsEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception failure)
            {
                LogFailed(logger, failure);
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            }
        }
    }

    private async Task RecomputeChangedAsync(CancellationToken cancellationToken)
    {
        List<(int Id, bool Open)> consultations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Open ones take votes; a closed one needs one last run after its close (an imported one: its first), then never again.
            consultations = await db.Consultations
                .Where(c => c.State == ConsultationState.Open
                            || (c.State != ConsultationState.Draft && !db.OpinionGroupRuns.Any(r => r.ConsultationId == c.Id && r.ComputedAt >= c.ClosedAt)))
                .Select(c => new ValueTuple<int, bool>(c.Id, c.State == ConsultationState.Open)).ToListAsync(cancellationToken);
        }
        foreach (var (id, open) in consultations)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<OpinionGroupComputation>().RecomputeAsync(id, force: !open, cancellationToken) is { } run)
            {
                LogRecomputed(logger, id, run.K, run.Grouped, run.Took.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Opinion groups of consultation {Id}: {K} groups, {Grouped} participants grouped, in {Milliseconds:0} ms")]
    private static partial void LogRecomputed(ILogger logger, int id, int k, int grouped, double milliseconds);

    [LoggerMessage(LogLevel.Error, "Recomputing opinion groups failed; trying again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
