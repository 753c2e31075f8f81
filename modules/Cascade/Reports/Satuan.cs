using Kinerja.Shared.Catalog;
using Kinerja.Shared.Formatting;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>
/// The unit of measure printed beside each indicator. The seed names none: a percentage is "%", and a
/// count is of what its name counts.
/// </summary>
internal static class Satuan
{
    private static readonly Dictionary<string, string> Counts = new(StringComparer.Ordinal)
    {
        ["DAYASOS-2"] = "keluarga",
        ["UMPEG-1"] = "eksemplar", ["UMPEG-2"] = "eksemplar", ["UMPEG-3"] = "kegiatan", ["UMPEG-4"] = "kegiatan",
        ["UMPEG-5"] = "orang", ["UMPEG-6"] = "bulan", ["UMPEG-7"] = "unit", ["UMPEG-8"] = "kegiatan", ["UMPEG-9"] = "unit",
        ["UMPEG-10"] = "unit",
        ["KEU-1"] = "dokumen",
        ["PROLAP-1"] = "laporan", ["PROLAP-2"] = "laporan", ["PROLAP-3"] = "dokumen", ["PROLAP-4"] = "buku", ["PROLAP-5"] = "buku",
        ["UPTLBK-1"] = "unit",
        ["PEMULIHAN-1"] = "orang",
        ["PENGEMBANGAN-1"] = "orang", ["PENGEMBANGAN-2"] = "orang",
        ["PELAYANAN-1"] = "orang", ["PELAYANAN-2"] = "orang", ["PELAYANAN-3"] = "orang", ["PELAYANAN-4"] = "orang",
        ["PERLINDUNGAN-1"] = "orang", ["PERLINDUNGAN-2"] = "keluarga", ["PERLINDUNGAN-3"] = "orang",
        ["JAMINAN-1"] = "orang", ["JAMINAN-2"] = "lembaga", ["JAMINAN-3"] = "anak", ["JAMINAN-4"] = "orang", ["JAMINAN-5"] = "TMP",
        ["JAMINAN-6"] = "orang",
        ["KELEMBAGAAN-1"] = "lembaga", ["KELEMBAGAAN-2"] = "kelompok",
        ["PMI-1"] = "orang", ["PMI-2"] = "keluarga",
    };

    public static string Of(IndicatorDefinition indicator) =>
        indicator.Kind == IndicatorKind.Percent ? "%" : Counts.GetValueOrDefault(indicator.Code, "jumlah");

    /// <summary>A percentage's realisation and target are decimals; a count's are whole numbers.</summary>
    public static FigureFormat FormatOf(IndicatorDefinition indicator) =>
        indicator.Kind == IndicatorKind.Percent ? FigureFormat.Decimal : FigureFormat.Integer;
}
