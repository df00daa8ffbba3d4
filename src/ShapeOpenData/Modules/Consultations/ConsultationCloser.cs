namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// Records the close of consultations whose closing day has ended (UK time), telling their followers. Until it runs, an
/// open consultation past its closing time already refuses responses (<see cref="Consultation.IsOpenAt"/>).
/// </summary>
internal sealed partial class ConsultationCloser(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ConsultationCloser> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var closed = await scope.ServiceProvider.GetRequiredService<ConsultationWorkflow>().CloseDueAsync(stoppingToken);
                if (closed > 0) LogClosed(logger, closed);
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception failure)
            {
                LogFailed(logger, failure);
                await Task.Delay(TimeSpan.FromMinutes(5), clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Closed {Count} consultations at the end of their closing day")]
    private static partial void LogClosed(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "Closing consultations failed; trying again in 5 minutes")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
