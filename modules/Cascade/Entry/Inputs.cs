namespace Kinerja.Modules.Cascade.Entry;

/// <summary>A unit's realisation for one triwulan: value for COUNT, numerator and denominator for PERCENT.</summary>
internal sealed class RealizationInput
{
    public string Indicator { get; set; } = "";
    public int Year { get; set; }
    public int Quarter { get; set; }
    public double? Value { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
}

internal sealed class BaseMeasureInput
{
    public string Measure { get; set; } = "";
    public int Year { get; set; }
    public int Quarter { get; set; }
    public double Value { get; set; }
}

internal sealed class TargetInput
{
    public string Indicator { get; set; } = "";
    public int Year { get; set; }
    public int? Quarter { get; set; }
    public double Value { get; set; }
}
