namespace Kinerja.Shared.Catalog;

public enum IndicatorLevel { Iku, Program, Kegiatan }

public enum IndicatorKind { Percent, Count }

/// <summary>An organisational unit of the Dinas, as the seed describes it.</summary>
public sealed record UnitDefinition(
    string Code,
    string Name,
    string Kind,
    string? Parent,
    string Head,
    string Module,
    string Tugas,
    IReadOnlyList<string> Fungsi);

/// <summary>
/// An indicator of the catalog. <see cref="RollupNumerator"/> and <see cref="RollupDenominator"/> are the
/// default cascade rules (<c>input</c>, <c>sum:…</c>, <c>den:…</c>, <c>target:…</c>, <c>base:…</c>).
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string Unit,
    IndicatorLevel Level,
    IndicatorKind Kind,
    string Goal,
    string Name,
    string Numerator,
    string? Denominator,
    string Source,
    string RollupNumerator,
    string? RollupDenominator,
    string? Note,
    string Module);

/// <summary>A base-data stock (Jumlah PMKS, Jumlah LKS yang ada, …) that denominators use.</summary>
public sealed record BaseMeasureDefinition(
    string Code,
    string Name,
    string OwnerUnit,
    string Module,
    string OverTime,
    string FromRegister);
