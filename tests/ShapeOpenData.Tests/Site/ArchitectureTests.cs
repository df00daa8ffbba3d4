using NetArchTest.Rules;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Tests.Site;

/// <summary>
/// Features meet only through the foundation (CONVENTIONS rule 15): a feature module never names another
/// feature's types, and a foundation module never names a feature's. The foundation is layered, so it has no
/// cycles: each of its modules uses only those before it in <see cref="Foundation"/>. Razor views count with
/// their module (their generated classes are named after their path, <c>Modules_Groups_…</c>).
/// </summary>
[Trait("Databases", "one")]
public sealed class ArchitectureTests
{
    private static readonly string[] Foundation =
        ["Api", "Shared", "Audit", "Jurisdiction", "Organisations", "Accounts", "Follows", "Notifications", "Comments", "Supports", "Moderation", "Site", "Admin", "Search"];

    private static readonly string[] Features = ["DatasetRequests", "Catalogue", "Groups", "Consultations", "Commitments", "EthicsAssessments", "Outcomes", "Updates"];

    public static TheoryData<string> Modules => [.. Foundation.Concat(Features)];

    [Theory]
    [MemberData(nameof(Modules))]
    public void AModule_UsesNoOtherFeature_NorALaterFoundationModule(string module)
    {
        var forbidden = Foundation.Contains(module) ? Foundation.SkipWhile(m => m != module).Skip(1).Concat(Features) : Features;
        var crossings = forbidden.Where(other => other != module)
            .Select(other => (Other: other, Types: TypesOf(module).Should().NotHaveDependencyOn(Namespace(other)).GetResult()))
            .Where(c => !c.Types.IsSuccessful)
            .Select(c => $"{module} uses {c.Other} in: {string.Join(", ", c.Types.FailingTypeNames)}")
            .ToList();
        Assert.True(crossings.Count == 0, string.Join("\n", crossings));
    }

    [Fact]
    public void EveryModuleFolder_IsFoundationOrFeature()
    {
        var namespaces = typeof(ErrorSummary).Assembly.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("ShapeOpenData.Modules.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2])
            .Distinct();
        Assert.Empty(namespaces.Except(Foundation).Except(Features));
    }

    private static string Namespace(string module) => $"ShapeOpenData.Modules.{module}";

    private static PredicateList TypesOf(string module) =>
        Types.InAssembly(typeof(ErrorSummary).Assembly).That()
            .ResideInNamespace(Namespace(module))
            .Or().HaveNameStartingWith($"Modules_{module}_");
}
