using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ShapeOpenData.Tests.Support;

/// <summary>
/// Makes a save fail as a crash would, in the calling test's own flow only (the outbox worker and other tests
/// save as usual): to show that a change whose parts are saved one after another keeps all of them or none.
/// The flow reaches into the service's requests too (the test server preserves it), so a page's change can be
/// crashed over HTTP.
/// </summary>
public sealed class SaveCrash : SaveChangesInterceptor, IDbCommandInterceptor
{
    private static readonly AsyncLocal<StrongBox<int>?> SavesLeft = new();
    private static readonly AsyncLocal<StrongBox<string?>?> FailingStatement = new();

    /// <summary>The <paramref name="save"/>th save from now, in this flow, fails; 0 turns it off.</summary>
    public static void OnSave(int save) => SavesLeft.Value = new StrongBox<int>(save);

    /// <summary>The first statement from now, in this flow, whose SQL contains <paramref name="sql"/> fails (for changes written as SQL).</summary>
    public static void OnStatement(string? sql) => FailingStatement.Value = new StrongBox<string?>(sql);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (SavesLeft.Value is { } left && --left.Value == 0)
        {
            throw new SimulatedCrashException();
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CrashOn(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CrashOn(command);
        return ValueTask.FromResult(result);
    }

    private static void CrashOn(DbCommand command)
    {
        if (FailingStatement.Value is { Value: { } sql } failing && command.CommandText.Contains(sql, StringComparison.Ordinal))
        {
            failing.Value = null;
            throw new SimulatedCrashException();
        }
    }
}

public sealed class SimulatedCrashException() : Exception("The process stopped here (a test's simulated crash)");

public static class Crashes
{
    /// <summary>
    /// Runs <paramref name="change"/> with its <paramref name="save"/>th save crashing (2: after the entity, before its
    /// audit entry and emails), and checks that no audit entry or email of it was kept.
    /// </summary>
    public static async Task CrashAtSaveAsync(this ServiceFactory service, int save, Func<Task> change)
    {
        var before = await service.TrailAsync();
        SaveCrash.OnSave(save);
        try
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(change);
        }
        finally
        {
            SaveCrash.OnSave(0);
        }
        Assert.Equal(before, await service.TrailAsync());
    }

    /// <summary>The same for a change a page makes: the person sees the service's error page (500).</summary>
    public static Task CrashAtSaveAsync(this ServiceFactory service, int save, Func<Task<WebPage>> post) =>
        service.CrashAtSaveAsync(save, async () =>
        {
            var page = await post();
            Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
            throw new SimulatedCrashException();
        });

    private static Task<(int Audit, int Outbox)> TrailAsync(this ServiceFactory service) =>
        service.WithDatabaseAsync(async db => (await db.AuditEntries.CountAsync(), await db.OutboxEmails.CountAsync()));
}
