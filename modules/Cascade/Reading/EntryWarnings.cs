using Kinerja.Shared.Data;
using Kinerja.Shared.Formatting;

namespace Kinerja.Modules.Cascade.Reading;

/// <summary>What looks wrong in an entry but can be right, so it is stored and said rather than refused.</summary>
internal static class EntryWarnings
{
    /// <summary>
    /// A percentage above 100 in one triwulan: a triwulan can rightly run ahead (claims settled a triwulan after
    /// they were filed), so the verifikator is shown it instead of the entry being refused.
    /// </summary>
    public static IReadOnlyList<string> Of(RealizationEntry entry) =>
        entry is { Numerator: { } numerator, Denominator: { } denominator and > 0 } && numerator > denominator
            ? [$"pembilang melebihi penyebut: {IndonesianFormat.Number(numerator)} dari {IndonesianFormat.Number(denominator)} adalah "
               + $"{IndonesianFormat.Figure(numerator / denominator * 100, FigureFormat.Percent)} pada triwulan ini; pastikan angkanya benar"]
            : [];
}
