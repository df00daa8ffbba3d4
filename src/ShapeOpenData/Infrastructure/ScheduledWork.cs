namespace ShapeOpenData.Infrastructure;

/// <summary>
/// Work the service does on a schedule — closing consultations, sending reminders, re-opening requests — each run in a
/// scope of its own, the first at start-up, then every <c>every</c>; a failed run is logged and tried again in five
/// minutes. Each job counts what it did, and a run that did something is logged.
/// </summary>
public static class ScheduledWorkExtensions
{
    /// <param name="what">What a run does, for the log: "closed consultations at the end of their closing day".</param>
    /// <param name="run">The run, with the scope's services: returns how many things it did.</param>
    public static IServiceCollection AddScheduledWork(
        this IServiceCollection services, string what, TimeSpan every, Func<IServiceProvider, CancellationToken, Task<int>> run) =>
        services.AddSingleton<IHostedService>(s => new ScheduledWork(what, every, run,
            s.GetRequiredService<IServiceScopeFactory>(), s.GetRequiredService<TimeProvider>(), s.GetRequiredService<ILogger<ScheduledWork>>()));
}

internal sealed partial class ScheduledWork(
    string what, TimeSpan every, Func<IServiceProvider, CancellationToken, Task<int>> run, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<ScheduledWork> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var done = await run(scope.ServiceProvider, stoppingToken);
                if (done > 0) LogDone(logger, what, done);
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception failure)
            {
                LogFailed(logger, what, failure);
                await Task.Delay(RetryAfter, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Scheduled work ({What}): {Count} done")]
    private static partial void LogDone(ILogger logger, string what, int count);

    [LoggerMessage(LogLevel.Error, "Scheduled work ({What}) failed; trying again in 5 minutes")]
    private static partial void LogFailed(ILogger logger, string what, Exception failure);
}
