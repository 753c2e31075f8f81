using System.Globalization;
using Kinerja.Modules.Cascade.Checks;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;

namespace Kinerja.Modules.Cascade.Reports;

internal enum ReportKind { PengukuranKinerja, PerjanjianKinerja, RencanaAksi, Lkjip }

internal enum ReportFormat { Xlsx, Pdf, Html, Docx }

/// <summary>
/// A report asked for: which, in which file format, for which year, period and unit; for a Perjanjian Kinerja, which
/// revision (0 the PK awal, N its N-th Perubahan; the latest when none is asked).
/// </summary>
internal sealed record ReportRequest(ReportKind Kind, ReportFormat Format, int Year, int? Quarter, bool Cumulative, string Unit, int? Revision = null)
{
    public const string DinasUnit = "DINSOS";

    public static readonly IReadOnlyDictionary<string, ReportKind> Kinds = new Dictionary<string, ReportKind>(StringComparer.Ordinal)
    {
        ["pengukuran-kinerja"] = ReportKind.PengukuranKinerja,
        ["perjanjian-kinerja"] = ReportKind.PerjanjianKinerja,
        ["rencana-aksi"] = ReportKind.RencanaAksi,
        ["lkjip"] = ReportKind.Lkjip,
    };

    public static readonly IReadOnlyDictionary<string, ReportFormat> Formats = new Dictionary<string, ReportFormat>(StringComparer.Ordinal)
    {
        ["xlsx"] = ReportFormat.Xlsx,
        ["pdf"] = ReportFormat.Pdf,
        ["html"] = ReportFormat.Html,
        ["docx"] = ReportFormat.Docx,
    };

    public Period Period => Period.Create(Year, Quarter, Cumulative);

    public string Name => Kinds.Single(k => k.Value == Kind).Key;

    public string Extension => Formats.Single(f => f.Value == Format).Key;

    /// <summary>
    /// Reads a request from its words as they come from a URL or the command line; every bad parameter is
    /// refused with its name and the reason, in Bahasa Indonesia.
    /// </summary>
    public static ReportRequest Parse(string report, string format, string? year, string? quarter, string? cumulative, string? unit,
        string? revision, ModuleDirectory directory)
    {
        var checks = new InputChecks();
        if (!Kinds.TryGetValue(report, out var kind))
        {
            checks.Add("report", $"laporan '{report}' tidak dikenal; pilih {string.Join(", ", Kinds.Keys)}");
        }
        if (!Formats.TryGetValue(format, out var fileFormat))
        {
            checks.Add("format", $"format '{format}' tidak dikenal; pilih {string.Join(", ", Formats.Keys)}");
        }
        // The LKjIP is a Word document the Dinas edits; the tables are files to print or to compute on.
        else if (Kinds.ContainsKey(report) && (kind == ReportKind.Lkjip) != (fileFormat == ReportFormat.Docx))
        {
            checks.Add("format", kind == ReportKind.Lkjip
                ? $"LKjIP ditulis sebagai dokumen Word untuk disunting; pilih format docx (diterima '{format}')"
                : "format docx hanya untuk laporan lkjip; pilih xlsx, pdf atau html");
        }
        var theYear = 0;
        if (string.IsNullOrWhiteSpace(year))
        {
            checks.Add("year", "tahun wajib diisi, misalnya year=2026");
        }
        else if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out theYear))
        {
            checks.Add("year", $"tahun harus bilangan bulat (diterima '{year}')");
        }
        else
        {
            checks.Year("year", theYear);
        }
        int? theQuarter = null;
        if (!string.IsNullOrEmpty(quarter))
        {
            if (int.TryParse(quarter, NumberStyles.None, CultureInfo.InvariantCulture, out var q))
            {
                theQuarter = q;
                checks.Quarter("quarter", q);
            }
            else
            {
                checks.Add("quarter", $"triwulan harus 1 sampai 4 (diterima '{quarter}')");
            }
            if (kind != ReportKind.PengukuranKinerja && Kinds.ContainsKey(report))
            {
                checks.Add("quarter", kind switch
                {
                    ReportKind.PerjanjianKinerja => "Perjanjian Kinerja berlaku untuk setahun; jangan isi triwulan",
                    ReportKind.Lkjip => "LKjIP melaporkan setahun penuh (dengan keempat triwulannya); jangan isi triwulan",
                    _ => "Rencana Aksi selalu memuat keempat triwulan; jangan isi triwulan",
                });
            }
        }
        var isCumulative = false;
        if (!string.IsNullOrEmpty(cumulative) && !bool.TryParse(cumulative, out isCumulative))
        {
            checks.Add("cumulative", $"isi true atau false (diterima '{cumulative}')");
        }
        var theUnit = string.IsNullOrEmpty(unit) ? DinasUnit : unit;
        if (directory.FindEnabledUnit(theUnit) is null)
        {
            checks.Add("unit", $"unit '{theUnit}' tidak dikenal pada host ini; isi kode unit seperti DINSOS, REHSOS atau PEMULIHAN");
        }
        else if (kind == ReportKind.Lkjip && Kinds.ContainsKey(report) && theUnit != DinasUnit)
        {
            checks.Add("unit", $"LKjIP adalah laporan Dinas ({DinasUnit}), bukan laporan unit {theUnit}; jangan isi unit");
        }
        int? theRevision = null;
        if (!string.IsNullOrEmpty(revision))
        {
            if (int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r <= 99)
            {
                theRevision = r;
            }
            else
            {
                checks.Add("revision", $"revisi ditulis 0 (PK awal) sampai 99 (diterima '{revision}')");
            }
            if (kind != ReportKind.PerjanjianKinerja && Kinds.ContainsKey(report))
            {
                checks.Add("revision", "revisi hanya untuk Perjanjian Kinerja");
            }
        }
        checks.ThrowIfFailed();
        return new ReportRequest(kind, fileFormat, theYear, theQuarter, isCumulative, theUnit, theRevision);
    }
}
