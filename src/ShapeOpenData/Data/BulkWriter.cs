using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ShapeOpenData.Data;

/// <summary>
/// Writes many rows fast, below EF Core, for generated benchmark data: prepared inserts in large
/// transactions on SQLite, binary COPY on PostgreSQL. Values are written as EF Core stores them (codes for
/// enums, UTC date-times, dates as dates).
/// </summary>
public abstract class BulkWriter : IAsyncDisposable
{
    public static async Task<BulkWriter> OpenAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        return connection switch
        {
            SqliteConnection sqlite => new SqliteBulkWriter(sqlite),
            NpgsqlConnection postgres => new PostgresBulkWriter(postgres),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    /// <param name="progress">Called now and then with how many rows have been written so far.</param>
    public abstract Task WriteAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, Action<int> progress, CancellationToken cancellationToken);

    /// <summary>After writing rows with their own ids: identity columns continue after the largest.</summary>
    public abstract Task ContinueIdentityAsync(string table, CancellationToken cancellationToken);

    /// <summary>Makes the written data ready for the service: statistics where the database keeps them, and a tidy log.</summary>
    public abstract Task FinishAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private static string Quoted(string name) => $"\"{name}\"";

    private sealed class SqliteBulkWriter(SqliteConnection connection) : BulkWriter
    {
        private const int RowsPerTransaction = 200_000;

        public override async Task WriteAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, Action<int> progress, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO {Quoted(table)} ({string.Join(", ", columns.Select(Quoted))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            var written = 0;
            DbTransaction? transaction = null;
            try
            {
                foreach (var row in rows)
                {
                    if (written % RowsPerTransaction == 0)
                    {
                        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
                        transaction = await connection.BeginTransactionAsync(cancellationToken);
                        command.Transaction = (SqliteTransaction)transaction;
                        if (written == 0) await command.PrepareAsync(cancellationToken);
                    }
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        parameters[i].Value = row[i] ?? DBNull.Value;
                    }
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    if (++written % 50_000 == 0) progress(written);
                }
                if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                if (transaction is not null) await transaction.DisposeAsync();
            }
            progress(written);
        }

        // SQLite's AUTOINCREMENT follows the largest id by itself.
        public override Task ContinueIdentityAsync(string table, CancellationToken cancellationToken) => Task.CompletedTask;

        public override async Task FinishAsync(CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            // No ANALYZE: the service never runs it, so its databases have no statistics, and with them SQLite
            // would count a million public requests by reading the table instead of the partial index.
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class PostgresBulkWriter(NpgsqlConnection connection) : BulkWriter
    {
        public override async Task WriteAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, Action<int> progress, CancellationToken cancellationToken)
        {
            await using var import = await connection.BeginBinaryImportAsync(
                $"COPY {Quoted(table)} ({string.Join(", ", columns.Select(Quoted))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            var written = 0;
            foreach (var row in rows)
            {
                await import.StartRowAsync(cancellationToken);
                foreach (var value in row)
                {
                    await (value switch
                    {
                        null => import.WriteNullAsync(cancellationToken),
                        string text => import.WriteAsync(text, cancellationToken),
                        short number => import.WriteAsync(number, cancellationToken),
                        int number => import.WriteAsync(number, cancellationToken),
                        long number => import.WriteAsync(number, cancellationToken),
                        bool flag => import.WriteAsync(flag, cancellationToken),
                        DateTime time => import.WriteAsync(time, cancellationToken),
                        DateOnly date => import.WriteAsync(date, cancellationToken),
                        _ => throw new NotSupportedException(value.GetType().Name),
                    });
                }
                if (++written % 50_000 == 0) progress(written);
            }
            await import.CompleteAsync(cancellationToken);
            progress(written);
        }

        public override async Task ContinueIdentityAsync(string table, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('{Quoted(table)}', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM {Quoted(table)}), 0) + 1, false)";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override async Task FinishAsync(CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            // VACUUM as well: after a bulk load the visibility map is empty, and index-only scans would read the table.
            command.CommandText = "VACUUM ANALYZE";
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
