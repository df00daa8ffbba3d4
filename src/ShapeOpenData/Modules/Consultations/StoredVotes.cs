using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShapeOpenData.Data;
using ShapeOpenData.Modules.Consultations.OpinionGroups;
using SQLitePCL;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// Every vote of a consultation, read straight into the engine's compact arrays: five million rows in about a second,
/// with no object per row. Through a data reader, SQLite spent over two seconds on the wrapping of each value alone, so
/// SQLite is read with its own statement API (one packed number per row, unpacked here) and PostgreSQL by binary COPY.
/// Participants become dense indices in the order of their ids; statements take the index given.
/// </summary>
internal static class StoredVotes
{
    /// <summary>Votes read between looks at the cancellation token.</summary>
    private const int CheckEvery = 1 << 20;

    /// <param name="statementIds">Index → the id of each of the consultation's statements.</param>
    /// <param name="expectedVotes">About how many votes there are (the statements' counts), so the arrays are made the right size at once.</param>
    public static async Task<(long[] ParticipantKeys, VoteList Votes)> ReadAsync(AppDbContext db, int consultationId, int[] statementIds, long expectedVotes, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            var statements = new IdIndex(statementIds.DefaultIfEmpty().Min(), statementIds.DefaultIfEmpty().Max(), statementIds.Length);
            for (var s = 0; s < statementIds.Length; s++)
            {
                statements.Set(statementIds[s], s);
            }
            var participants = db.Participants.Where(p => p.ConsultationId == consultationId);
            var votes = new VoteCollector(new IdIndex(await participants.MinAsync(p => (int?)p.Id, cancellationToken) ?? 0,
                await participants.MaxAsync(p => (int?)p.Id, cancellationToken) ?? -1, await participants.CountAsync(cancellationToken)), statements,
                (int)Math.Min(expectedVotes + 1024, Array.MaxLength));
            switch (connection)
            {
                case SqliteConnection sqlite:
                    ReadSqlite(sqlite, consultationId, votes, cancellationToken);
                    break;
                case NpgsqlConnection postgres:
                    await ReadPostgresAsync(postgres, consultationId, votes, cancellationToken);
                    break;
                default:
                    throw new NotSupportedException(connection.GetType().Name);
            }
            return votes.Finish();
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>One 64-bit number a row: participant, statement and vote + 1 (statement ids fit in 30 bits, participant ids in 31).</summary>
    private static void ReadSqlite(SqliteConnection connection, int consultationId, VoteCollector votes, CancellationToken cancellationToken)
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
                var row = raw.sqlite3_column_int64(statement, 0);
                votes.Add((int)(row >> 32), (int)(row & 0xFFFF_FFFF) >> 2, (int)(row & 3) - 1);
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

    private static async Task ReadPostgresAsync(NpgsqlConnection connection, int consultationId, VoteCollector votes, CancellationToken cancellationToken)
    {
        // COPY takes no parameters; the id is a number formatted here, never text from outside.
        await using var export = await connection.BeginBinaryExportAsync(FormattableString.Invariant(
            $"""COPY (SELECT "ParticipantId", "StatementId", "Choice" FROM "StatementVotes" WHERE "ConsultationId" = {consultationId}) TO STDOUT (FORMAT BINARY)"""),
            cancellationToken);
        for (var read = 1; await export.StartRowAsync(cancellationToken) != -1; read++)
        {
            // Values are read from the buffer without waiting once the row has started; only the row start may wait for the network.
            votes.Add(export.Read<int>(), export.Read<int>(), export.Read<short>());
            if (read % CheckEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Each vote's participant and statement ids as dense indices, into the engine's arrays.</summary>
    private sealed class VoteCollector(IdIndex participants, IdIndex statements, int capacity)
    {
        private readonly List<long> _participantKeys = [];
        private readonly VoteList _votes = new(capacity);

        public void Add(int participantId, int statementId, int vote)
        {
            var participant = participants.Get(participantId);
            if (participant < 0)
            {
                participant = _participantKeys.Count;
                participants.Set(participantId, participant);
                _participantKeys.Add(participantId);
            }
            var statement = statements.Get(statementId);
            if (statement < 0)
            {
                throw new InvalidOperationException($"A vote is on statement {statementId}, which is not one of the consultation's.");
            }
            _votes.Add(participant, statement, vote);
        }

        /// <summary>
        /// The participants in the order of their ids: the rows come in whatever order the database finds them, and the
        /// groups found depend on the order of the participants, so the same votes always give the same groups.
        /// </summary>
        public (long[] ParticipantKeys, VoteList Votes) Finish()
        {
            var keys = _participantKeys.ToArray();
            var order = Enumerable.Range(0, keys.Length).ToArray();
            Array.Sort((long[])keys.Clone(), order);
            var newIndex = new int[keys.Length];
            for (var i = 0; i < order.Length; i++)
            {
                newIndex[order[i]] = i;
            }
            _votes.RenumberParticipants(newIndex);
            return (Array.ConvertAll(order, i => keys[i]), _votes);
        }
    }

    /// <summary>
    /// Id → index (-1 when not set) by an array over the range of ids expected, where a consultation's participants and
    /// statements mostly are, so a vote costs two array reads rather than two hash lookups; ids outside it (someone who
    /// joined since the range was read), or ranges too sparse for an array, go to a dictionary.
    /// </summary>
    private sealed class IdIndex
    {
        private const int SpareFactor = 4;
        private const int SpareIds = 1024;

        private readonly int _first;
        private readonly int[] _window;
        private readonly Dictionary<int, int> _outside = [];

        public IdIndex(int first, int last, int count)
        {
            var width = (long)last - first + 1;
            _first = first;
            _window = width > 0 && width <= (long)count * SpareFactor + SpareIds ? new int[width] : [];
            Array.Fill(_window, -1);
        }

        public int Get(int id)
        {
            var at = (long)id - _first;
            return (ulong)at < (ulong)_window.Length ? _window[at] : _outside.GetValueOrDefault(id, -1);
        }

        public void Set(int id, int index)
        {
            var at = (long)id - _first;
            if ((ulong)at < (ulong)_window.Length)
            {
                _window[at] = index;
            }
            else
            {
                _outside[id] = index;
            }
        }
    }
}
