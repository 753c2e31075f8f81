using System.Reflection;
using Kinerja.Shared.Modules;

namespace Kinerja.Tests.Architecture;

/// <summary>Modules talk through the shared contracts only and show nothing else.</summary>
public sealed class ModuleBoundaryTests
{
    // Found as the host finds them: a new module is checked without being named here.
    public static TheoryData<string> ModuleAssemblies() =>
        [.. ModuleDiscovery.Find().Select(m => m.GetType().Assembly.GetName().Name!)];

    [Fact]
    public void Given_the_folder_beside_the_program_Then_every_module_of_the_repository_is_found_in_the_Dinas_s_order()
    {
        var projects = Directory.GetDirectories(Path.Combine(Support.Repository.Root, "modules")).Select(Path.GetFileName).Order();
        var found = ModuleDiscovery.Find();

        Assert.Equal(projects, found.Select(m => m.GetType().Assembly.GetName().Name!["Kinerja.Modules.".Length..]).Order());
        Assert.Equal("Cascade", found[0].Name);
        Assert.Equal(found.Select(m => m.Position).Order(), found.Select(m => m.Position));
    }

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
