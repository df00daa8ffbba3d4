using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ShapeOpenData.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL still keeps every committed transaction
/// when the process is killed (the WAL is written before commit returns); it skips only the fsync that
/// protects against the whole machine losing power. Each connection keeps a 1 MB page cache (under load
/// there are dozens of them; the operating system caches the file for all). While <see cref="SqliteCheckpoints"/> runs, commits
/// no longer checkpoint. Pooled connections keep their settings, so they are set once for each underlying
/// connection rather than every time one is taken from the pool.
/// </summary>
internal sealed class SqlitePragmas(SqliteCheckpoints checkpoints) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, StrongBox<bool>> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private string Pragmas => "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1024; PRAGMA wal_autocheckpoint=" + (checkpoints.Active ? "0;" : "1000;");

    /// <summary>True for a connection not yet configured, or configured before checkpointing moved to the background.</summary>
    private bool IsNew(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle })
        {
            return true;
        }
        var active = configured.GetOrAdd(handle, _ => new StrongBox<bool>(!checkpoints.Active));
        if (active.Value == checkpoints.Active)
        {
            return false;
        }
        active.Value = checkpoints.Active;
        return true;
    }
}
