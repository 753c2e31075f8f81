using Kinerja.Shared.Catalog;

namespace Kinerja.Shared.Modules;

public sealed record ModuleEntry(string Name, bool Enabled, ModuleCatalog Catalog);

/// <summary>
/// Every module the host knows, enabled or not. Only enabled modules' units and indicators are served;
/// the catalogs of the others are kept so that a figure needing them can say so (MODULE_DISABLED)
/// instead of passing a partial figure for a whole one.
/// </summary>
public sealed class ModuleDirectory
{
    private readonly Dictionary<string, IndicatorDefinition> _indicators;
    private readonly Dictionary<string, UnitDefinition> _units;
    private readonly Dictionary<string, BaseMeasureDefinition> _measures;
    private readonly HashSet<string> _enabled;
    private readonly Dictionary<string, int> _indicatorOrder;
    private readonly Dictionary<string, int> _unitOrder;

    public ModuleDirectory(IEnumerable<ModuleEntry> modules)
    {
        Modules = modules.ToList();
        _enabled = Modules.Where(m => m.Enabled).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        _indicators = Modules.SelectMany(m => m.Catalog.Indicators).ToDictionary(i => i.Code, StringComparer.Ordinal);
        _units = Modules.SelectMany(m => m.Catalog.Units).ToDictionary(u => u.Code, StringComparer.Ordinal);
        _measures = Modules.SelectMany(m => m.Catalog.BaseMeasures).ToDictionary(b => b.Code, StringComparer.Ordinal);
        Indicators = Modules.Where(m => m.Enabled).SelectMany(m => m.Catalog.Indicators).ToList();
        Units = Modules.Where(m => m.Enabled).SelectMany(m => m.Catalog.Units).ToList();
        AllIndicators = Modules.SelectMany(m => m.Catalog.Indicators).ToList();
        _indicatorOrder = AllIndicators.Select((i, n) => (i.Code, n)).ToDictionary(p => p.Code, p => p.n, StringComparer.Ordinal);
        _unitOrder = Modules.SelectMany(m => m.Catalog.Units).Select((u, n) => (u.Code, n)).ToDictionary(p => p.Code, p => p.n, StringComparer.Ordinal);
    }

    public IReadOnlyList<ModuleEntry> Modules { get; }

    /// <summary>Indicators of the enabled modules, in catalog order.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>Indicators of every known module, enabled or not.</summary>
    public IReadOnlyList<IndicatorDefinition> AllIndicators { get; }

    /// <summary>Units of the enabled modules, in catalog order.</summary>
    public IReadOnlyList<UnitDefinition> Units { get; }

    public bool IsEnabled(string module) => _enabled.Contains(module);

    /// <summary>An indicator's place in the catalog, for sorting what is stored by it; unknown codes last.</summary>
    public int IndicatorOrder(string code) => _indicatorOrder.GetValueOrDefault(code, int.MaxValue);

    /// <summary>A unit's place in the catalog, for sorting what is stored by it; unknown codes last.</summary>
    public int UnitOrder(string code) => _unitOrder.GetValueOrDefault(code, int.MaxValue);

    /// <summary>An indicator of any known module, enabled or not.</summary>
    public IndicatorDefinition? FindIndicator(string code) => _indicators.GetValueOrDefault(code);

    public UnitDefinition? FindUnit(string code) => _units.GetValueOrDefault(code);

    public BaseMeasureDefinition? FindBaseMeasure(string code) => _measures.GetValueOrDefault(code);

    public IndicatorDefinition? FindEnabledIndicator(string code) =>
        FindIndicator(code) is { } i && IsEnabled(i.Module) ? i : null;

    public UnitDefinition? FindEnabledUnit(string code) =>
        FindUnit(code) is { } u && IsEnabled(u.Module) ? u : null;
}
