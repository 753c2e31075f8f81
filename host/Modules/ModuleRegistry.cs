using Kinerja.Shared.Modules;

namespace Kinerja.Host.Modules;

/// <summary>
/// The modules this host can load: those beside the program (<see cref="ModuleDiscovery"/>). Which of them run is the
/// deployment's choice (Kinerja:Modules).
/// </summary>
internal static class ModuleRegistry
{
    public const string ModulesSetting = "Kinerja:Modules";

    public static IReadOnlyList<KinerjaModule> Known() => ModuleDiscovery.Find();

    /// <summary>
    /// The modules a comma-separated setting enables, plus those that cannot be left out. No setting means
    /// every module; an unknown name stops the start.
    /// </summary>
    public static IReadOnlyList<KinerjaModule> Enabled(IReadOnlyList<KinerjaModule> known, string? setting)
    {
        var optional = known.Where(m => m.Optional).ToList();
        if (string.IsNullOrWhiteSpace(setting))
        {
            return known;
        }
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in setting.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var module = optional.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ModuleConfigurationException(
                    $"Modul '{name}' pada {ModulesSetting} tidak dikenal. Modul yang dikenal: {string.Join(", ", optional.Select(m => m.Name))}.");
            chosen.Add(module.Name);
        }
        return known.Where(m => !m.Optional || chosen.Contains(m.Name)).ToList();
    }
}

public sealed class ModuleConfigurationException(string message) : Exception(message);
