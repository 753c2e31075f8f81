namespace Kinerja.Shared.GraphQL;

/// <summary>
/// What a field costs in a request's complexity budget (Kinerja:GraphQL:MaxComplexity), by the work behind it,
/// so that a request asking for much work is refused before it runs. A plain field costs 1.
/// </summary>
public static class FieldCosts
{
    /// <summary>Reading a year of figures from every module and evaluating its tree: <c>iku</c>, <c>value</c>, and mutations answering a value.</summary>
    public const double YearEvaluation = 1_000;

    /// <summary>Counting a register over a period: <c>served</c>.</summary>
    public const double RegisterScan = 1_000;

    /// <summary>Freezing a triwulan: every indicator evaluated twice, and written.</summary>
    public const double Rollup = 2_000;

    /// <summary>A register file, up to a million rows: <c>importRegister</c>.</summary>
    public const double Import = 10_000;
}
