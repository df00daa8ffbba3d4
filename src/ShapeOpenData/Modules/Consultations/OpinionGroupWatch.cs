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
/// Recomputes the opinion groups of every published consultation whose votes changed, every few seconds: in the background,
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
        List<int> consultations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            consultations = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Consultations
                .Where(c => c.State != ConsultationState.Draft).Select(c => c.Id).ToListAsync(cancellationToken);
        }
        foreach (var id in consultations)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<OpinionGroupComputation>().RecomputeAsync(id, force: false, cancellationToken) is { } run)
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
