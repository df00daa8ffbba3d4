using Microsoft.Data.Sqlite;

namespace ShapeOpenData.Data;

/// <summary>
/// Copies the SQLite write-ahead log back into the database in the background, once a second, instead of
/// in whichever request's commit happens to fill it. Left to SQLite, that copy (and its fsync) runs inside a
/// write, while every other writer waits: supports through the API ran three times slower. While the
/// service runs, its connections leave checkpoints to this; commands (generate, migrate) keep SQLite's own.
/// </summary>
public sealed class SqliteCheckpoints(string connectionString, WriteGate gate, ILogger<SqliteCheckpoints> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Under steady writing a checkpoint never reaches the end of the log, so the log never starts again from
    /// the beginning. Once it is this many pages long (64 MB), writers are paused at the gate for a moment
    /// while the log is copied back completely, and the next write starts it afresh.
    /// </summary>
    private const int RestartAfterPages = 16_384;

    /// <summary>True while this is checkpointing, so connections opened now can switch SQLite's own off.</summary>
    public bool Active { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        Active = true;
        try
        {
            using var timer = new PeriodicTimer(Every);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(connection, "PASSIVE", stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Active = false;
            await CheckpointAsync(connection, "TRUNCATE", CancellationToken.None);
        }
    }

    private async Task CheckpointAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        try
        {
            var (pages, _) = await RunAsync(connection, mode, cancellationToken);
            if (mode == "PASSIVE" && pages > RestartAfterPages)
            {
                using var turn = await gate.EnterAsync(cancellationToken);
                await RunAsync(connection, "RESTART", cancellationToken);
            }
        }
        catch (SqliteException failure)
        {
            // Busy or locked: SQLite will checkpoint at the next tick, or on its own when the last connection closes.
            log.LogWarning(failure, "Checkpointing the SQLite log failed ({Mode})", mode);
        }
    }

    /// <returns>How many pages the log holds, and how many of them are now in the database.</returns>
    private static async Task<(int Pages, int Copied)> RunAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(1), reader.GetInt32(2)) : (0, 0);
    }
}
