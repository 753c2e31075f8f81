using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kinerja.Shared.Catalog;

/// <summary>
/// What one module owns of the catalog: its units, indicators and base-data stocks. Every module carries
/// its part as an embedded <c>catalog.json</c>, so the catalog needs no file beside the program.
/// </summary>
public sealed class ModuleCatalog
{
    public const string ResourceName = "catalog.json";

    public ModuleCatalog(
        string module,
        IReadOnlyList<UnitDefinition> units,
        IReadOnlyList<IndicatorDefinition> indicators,
        IReadOnlyList<BaseMeasureDefinition> baseMeasures)
    {
        Module = module;
        Units = units;
        Indicators = indicators;
        BaseMeasures = baseMeasures;
    }

    public string Module { get; }
    public IReadOnlyList<UnitDefinition> Units { get; }
    public IReadOnlyList<IndicatorDefinition> Indicators { get; }
    public IReadOnlyList<BaseMeasureDefinition> BaseMeasures { get; }

    public static ModuleCatalog FromEmbeddedResource(Assembly assembly)
    {
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(ResourceName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} tidak membawa {ResourceName}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        return Parse(stream);
    }

    public static ModuleCatalog Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions)
            ?? throw new InvalidDataException("catalog.json kosong.");
        var units = file.Units.Select(u => new UnitDefinition(
            u.Code, u.Name, u.Kind, u.Parent, u.Head, file.Module, u.Tugas, u.Fungsi)).ToList();
        var indicators = file.Indicators.Select(i => new IndicatorDefinition(
            i.Code, i.Unit, i.Level, i.Kind, i.Goal, i.Name, i.Numerator, i.Denominator, i.Source,
            i.RollupNumerator, i.RollupDenominator, i.Note, file.Module)).ToList();
        var measures = file.BaseMeasures.Select(m => new BaseMeasureDefinition(
            m.Code, m.Name, m.OwnerUnit, file.Module, m.OverTime, m.FromRegister)).ToList();
        return new ModuleCatalog(file.Module, units, indicators, measures);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    private sealed record CatalogFile(string Module, List<UnitRow> Units, List<IndicatorRow> Indicators, List<MeasureRow> BaseMeasures);

    private sealed record UnitRow(string Code, string Name, string Kind, string? Parent, string Head, string Tugas, List<string> Fungsi);

    private sealed record IndicatorRow(
        string Code, string Unit, IndicatorLevel Level, string Goal, string Name, IndicatorKind Kind,
        string Numerator, string? Denominator, string Source, string RollupNumerator, string? RollupDenominator, string? Note);

    private sealed record MeasureRow(string Code, string Name, string OwnerUnit, string OverTime, string FromRegister);
}
