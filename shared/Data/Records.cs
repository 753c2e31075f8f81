using Kinerja.Shared.Catalog;

namespace Kinerja.Shared.Data;

/// <summary>A unit's entered realisation for one triwulan. A COUNT's value is kept as its numerator.</summary>
public sealed class RealizationRecord
{
    public long Id { get; set; }
    public required string Indicator { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Where it stands in verification: DIAJUKAN, DIVERIFIKASI or DIKEMBALIKAN.</summary>
    public string State { get; set; } = VerificationState.Diajukan;

    public string? EnteredBy { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReturnReason { get; set; }

    /// <summary>Raised by every change of the entry (entered again, verified, returned): a review names the revision it saw.</summary>
    public int Revision { get; set; }
}

/// <summary>The states of an entered figure: submitted, verified, or returned with a reason.</summary>
public static class VerificationState
{
    public const string Diajukan = "DIAJUKAN";
    public const string Diverifikasi = "DIVERIFIKASI";
    public const string Dikembalikan = "DIKEMBALIKAN";
}

/// <summary>A target of an indicator. <see cref="Quarter"/> 0 is the annual target, 1-4 a triwulan's.</summary>
public sealed class TargetRecord
{
    public const int AnnualQuarter = 0;

    public long Id { get; set; }
    public required string Indicator { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public double Value { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A base-data stock as it stood at the end of a triwulan.</summary>
public sealed class BaseMeasureRecord
{
    public long Id { get; set; }
    public required string Measure { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public double Value { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The seeded copy of a unit of the module's catalog.</summary>
public sealed class UnitRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public string? Parent { get; set; }
    public required string Head { get; set; }
    public required string Tugas { get; set; }
    public List<string> Fungsi { get; set; } = [];
}

/// <summary>The seeded copy of an indicator of the module's catalog.</summary>
public sealed class IndicatorRecord
{
    public required string Code { get; set; }
    public required string Unit { get; set; }
    public IndicatorLevel Level { get; set; }
    public IndicatorKind Kind { get; set; }
    public required string Goal { get; set; }
    public required string Name { get; set; }
    public required string Numerator { get; set; }
    public string? Denominator { get; set; }
    public required string Source { get; set; }
    public required string RollupNumerator { get; set; }
    public string? RollupDenominator { get; set; }
    public string? Note { get; set; }
}
