using Xunit.Abstractions;
using Xunit.Sdk;

namespace ShapeOpenData.Tests.Support;

/// <summary>
/// Marks a test class (or collection definition) whose tests run the program as processes, which costs seconds of
/// processor time a test rather than milliseconds.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsProcessesAttribute : Attribute;

/// <summary>
/// Starts the collections that run the program as processes first, so their minutes overlap the many short
/// collections rather than trailing after them while one core waits. The rest keep xUnit's order.
/// </summary>
public sealed class ProcessesFirst : ITestCollectionOrderer
{
    private const string PerClassPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => RunsProcesses(c) ? 0 : 1);

    private static bool RunsProcesses(ITestCollection collection)
    {
        var type = collection.CollectionDefinition
            ?? (collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal)
                ? collection.TestAssembly.Assembly.GetType(collection.DisplayName[PerClassPrefix.Length..])
                : null);
        return type?.GetCustomAttributes(typeof(RunsProcessesAttribute)).Any() == true;
    }
}
