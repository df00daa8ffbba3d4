using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ShapeOpenData.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL still keeps every committed transaction
/// when the process is killed (the WAL is written before commit returns); it skips only the fsync that
/// protects against the whole machine losing power.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
