namespace ShapeOpenData.Data;

/// <summary>
/// SQLite lets one connection write at a time, and a writer that finds the database locked sleeps before it
/// tries again, so a crowd of writers spends its time asleep (about 300 supports a second with 64 at once).
/// Busy write paths queue here instead and take turns without sleeping. PostgreSQL locks rows, so there
/// the gate is open.
/// </summary>
public sealed class WriteGate(DatabaseProvider provider) : IDisposable
{
    private readonly SemaphoreSlim? turn = provider == DatabaseProvider.Sqlite ? new(1, 1) : null;

    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (turn is not null)
        {
            await turn.WaitAsync(cancellationToken);
        }
        return new Turn(turn);
    }

    public void Dispose() => turn?.Dispose();

    public readonly struct Turn(SemaphoreSlim? turn) : IDisposable
    {
        public void Dispose() => turn?.Release();
    }
}
