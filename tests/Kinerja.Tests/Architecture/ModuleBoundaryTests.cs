using System.Reflection;
using Kinerja.Shared.Modules;

namespace Kinerja.Tests.Architecture;

/// <summary>Modules talk through the shared contracts only and show nothing else.</summary>
public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> ModuleAssemblies() =>
    [
        "Kinerja.Modules.Cascade", "Kinerja.Modules.Sekretariat", "Kinerja.Modules.Rehabilitasi",
        "Kinerja.Modules.Linjamsos", "Kinerja.Modules.Pemberdayaan", "Kinerja.Modules.UptLbk",
    ];

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Given_a_module_Then_it_references_no_other_module(string name)
    {
        var references = Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, r => r.StartsWith("Kinerja.Modules.", StringComparison.Ordinal));
        Assert.DoesNotContain("Kinerja.Host", references);
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Given_a_module_Then_its_only_public_types_are_its_module_class_and_configuration(string name)
    {
        var exported = Assembly.Load(name).GetExportedTypes();
        var module = Assert.Single(exported, t => typeof(KinerjaModule).IsAssignableFrom(t));
        Assert.All(exported.Where(t => t != module), t => Assert.Contains(t.Name, AllowedPublic));
    }

    // Configuration types are bound from appsettings and so must be public.
    private static readonly string[] AllowedPublic = ["PredicateBand"];

    [Fact]
    public void Given_the_shared_kernel_Then_it_references_no_module()
    {
        var references = typeof(KinerjaModule).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, r => r.StartsWith("Kinerja.Modules.", StringComparison.Ordinal));
    }
}
