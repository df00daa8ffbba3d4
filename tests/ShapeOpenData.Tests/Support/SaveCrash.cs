using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ShapeOpenData.Tests.Support;

/// <summary>
/// Makes a save fail as a crash would, in the calling test's own flow only (the outbox worker and other tests
/// save as usual): to show that a change whose parts are saved one after another keeps all of them or none.
/// </summary>
public sealed class SaveCrash : SaveChangesInterceptor
{
    private static readonly AsyncLocal<StrongBox<int>?> SavesLeft = new();

    /// <summary>The <paramref name="save"/>th save from now, in this flow, fails.</summary>
    public static void OnSave(int save) => SavesLeft.Value = new StrongBox<int>(save);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (SavesLeft.Value is { } left && --left.Value == 0)
        {
            throw new SimulatedCrashException();
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

public sealed class SimulatedCrashException() : Exception("The process stopped here (a test's simulated crash)");
