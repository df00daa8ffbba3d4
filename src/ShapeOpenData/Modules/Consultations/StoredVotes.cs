using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Consultations.OpinionGroups;
using SQLitePCL;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// Every vote of a consultation, for the opinion-group engine, read straight into compact arrays with no object per row:
/// through a data reader SQLite spent over two seconds on five million rows on the wrapping of each value alone, so
/// SQLite is read with its own statement API (one packed number a row) and PostgreSQL by binary COPY. With a snapshot
/// kept from the last run (<see cref="VoteSnapshots"/>), only the votes cast or changed since are read, and the snapshot
/// is trusted only if it then holds as many votes as the statements' counts say, read in the same transaction.
/// </summary>
internal static class StoredVotes
{
    /// <summary>A catch-up reads from this long before the latest vote it has, for votes committed a little after they were cast.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    /// <summary>Everything is read again at least this often, whatever the catch-ups say.</summary>
    private static readonly TimeSpan ReadAllEvery = TimeSpan.FromMinutes(10);

    /// <summary>Votes read between looks at the cancellation token.</summary>
    private const int CheckEvery = 1 << 20;

    /// <param name="statementIds">Index → the id of each of the consultation's statements.</param>
    /// <returns>The votes, and whether they were all read (rather than caught up with from the snapshot).</returns>
    public static async Task<(long[] ParticipantKeys, VoteList Votes, bool ReadAll)> ReadAsync(
        AppDbContext db, int consultationId, int[] statementIds, VoteSnapshots snapshots, DateTime now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            // One snapshot of the database for the counts and the votes (SQLite: a deferred transaction only reads).
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var (counted, latest) = await CountAsync(connection, transaction, consultationId, cancellationToken);
            var snapshot = snapshots.Take(consultationId);
            if (snapshot is not null && now - snapshot.FullyReadAt < ReadAllEvery)
            {
                snapshot.Votes.Merge(await ReadSinceAsync(connection, transaction, consultationId, snapshot.LatestVoteAt - Overlap, cancellationToken));
                snapshot = snapshot.Votes.Count == counted ? snapshot with { LatestVoteAt = latest ?? snapshot.LatestVoteAt } : null;
            }
            var readAll = snapshot is null;
            if (snapshot is null)
            {
                var votes = new PackedVotes((int)Math.Min(counted + 1024, Array.MaxLength));
                if (connection is SqliteConnection lite)
                {
                    ReadAllSqlite(lite, consultationId, votes, cancellationToken);
                }
                else
                {
                    await ReadAllPostgresAsync((NpgsqlConnection)connection, consultationId, votes, cancellationToken);
                }
                snapshot = new VoteSnapshots.Snapshot(votes, latest ?? now, now);
            }
            await transaction.CommitAsync(cancellationToken);
            if (latest is not null)
            {
                snapshots.Keep(consultationId, snapshot);
            }
            var (keys, list) = snapshot.Votes.Unpack(statementIds);
            return (keys, list, readAll);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>How many votes the statements' counts say there are, and the latest vote's time.</summary>
    private static async Task<(long Counted, DateTime? Latest)> CountAsync(DbConnection connection, DbTransaction transaction, int consultationId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT (SELECT COALESCE(SUM("Agrees" + "Disagrees" + "Passes"), 0) FROM "Statements" WHERE "ConsultationId" = @consultation),
                   (SELECT MAX("VotedAt") FROM "StatementVotes" WHERE "ConsultationId" = @consultation)
            """, consultationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
    }

    /// <summary>The votes cast or changed since a time: few, so an ordinary reader does.</summary>
    private static async Task<List<long>> ReadSinceAsync(DbConnection connection, DbTransaction transaction, int consultationId, DateTime since, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT "ParticipantId", "StatementId", "Choice" FROM "StatementVotes" WHERE "ConsultationId" = @consultation AND "VotedAt" >= @since
            """, consultationId);
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@since";
        parameter.Value = since;
        command.Parameters.Add(parameter);
        var votes = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            votes.Add(PackedVotes.Pack(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt16(2)));
        }
        return votes;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int consultationId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@consultation";
        parameter.Value = consultationId;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Each row packed by SQLite itself, so a row costs one value read.</summary>
    private static void ReadAllSqlite(SqliteConnection connection, int consultationId, PackedVotes votes, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT ("ParticipantId" << 32) | ("StatementId" << 2) | ("Choice" + 1) FROM "StatementVotes" WHERE "ConsultationId" = ?1
            """;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement), connection);
        using (statement)
        {
            Check(raw.sqlite3_bind_int(statement, 1, consultationId), connection);
            int result;
            for (var read = 1; (result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW; read++)
            {
                votes.Add(raw.sqlite3_column_int64(statement, 0));
                if (read % CheckEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            if (result != raw.SQLITE_DONE)
            {
                Check(result, connection);
            }
        }
    }

    private static void Check(int result, SqliteConnection connection)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, connection.Handle);
        }
    }

    private static async Task ReadAllPostgresAsync(NpgsqlConnection connection, int consultationId, PackedVotes votes, CancellationToken cancellationToken)
    {
        // COPY takes no parameters; the id is a number formatted here, never text from outside.
        await using var export = await connection.BeginBinaryExportAsync(FormattableString.Invariant(
            $"""COPY (SELECT "ParticipantId", "StatementId", "Choice" FROM "StatementVotes" WHERE "ConsultationId" = {consultationId}) TO STDOUT (FORMAT BINARY)"""),
            cancellationToken);
        for (var read = 1; await export.StartRowAsync(cancellationToken) != -1; read++)
        {
            // Once a row has started its values are in the buffer: only starting a row may wait for the network.
            votes.Add(PackedVotes.Pack(export.Read<int>(), export.Read<int>(), export.Read<short>()));
            if (read % CheckEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
