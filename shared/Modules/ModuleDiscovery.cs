using System.Reflection;
using System.Runtime.Loader;

namespace Kinerja.Shared.Modules;

/// <summary>
/// Finds the modules beside the program, the way OrchardCore finds its modules: every <c>Kinerja.Modules.*.dll</c> in the
/// folder, and in each its <see cref="KinerjaModule"/>. A new unit module is a folder with a project, a module class and a
/// catalog: the host's build copies it here (it references <c>modules/*/*.csproj</c>) and no list names it.
/// </summary>
public static class ModuleDiscovery
{
    public const string AssemblyPattern = "Kinerja.Modules.*.dll";

    /// <summary>The modules in <paramref name="directory"/> (the program's own folder by default), in the Dinas's order.</summary>
    public static IReadOnlyList<KinerjaModule> Find(string? directory = null)
    {
        var modules = Directory.GetFiles(directory ?? AppContext.BaseDirectory, AssemblyPattern)
            .Order(StringComparer.Ordinal)
            .Select(path => AssemblyLoadContext.Default.LoadFromAssemblyPath(path))
            .SelectMany(ModulesIn)
            .OrderBy(m => m.Position)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        var twice = modules.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidOperationException($"Dua modul bernama {twice.Key}: {string.Join(", ", twice.Select(m => m.GetType().FullName))}.");
        }
        return modules;
    }

    private static IEnumerable<KinerjaModule> ModulesIn(Assembly assembly) => assembly.GetExportedTypes()
        .Where(t => typeof(KinerjaModule).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (KinerjaModule)Activator.CreateInstance(t)!);
}
