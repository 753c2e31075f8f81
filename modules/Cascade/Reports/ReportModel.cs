using Kinerja.Shared.Formatting;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>A cell: text, or a figure (null when there is none, written "-").</summary>
internal sealed record ReportCell(string? Text, double? Figure, FigureFormat? Format)
{
    public bool IsFigure => Format is not null;

    public static ReportCell Of(string? text) => new(text, null, null);

    public static ReportCell Of(double? figure, FigureFormat format) => new(null, figure, format);

    /// <summary>What a reader sees, the Indonesian way.</summary>
    public string Display => IsFigure ? IndonesianFormat.Figure(Figure, Format!.Value) : Text ?? "";
}

/// <summary>A column: its heading, the band above it that groups neighbouring columns (merged), and its width in characters.</summary>
internal sealed record ReportColumn(string Heading, double Width, string? Band = null, bool Figure = false);

internal sealed record ReportRow(IReadOnlyList<ReportCell> Cells);

/// <summary>Rows under a heading that spans the whole table (a sasaran, a unit).</summary>
internal sealed record ReportSection(string? Heading, IReadOnlyList<ReportRow> Rows);

internal sealed record Signatory(string Role, string? Nama, string Jabatan, string? Pangkat, string? Nip)
{
    /// <summary>The NIP in its four groups; nothing for an official without one (the Bupati is elected, not a civil servant).</summary>
    public string NipText => Nip is { Length: 18 } n ? $"NIP. {n[..8]} {n[8..14]} {n[14]} {n[15..]}" : "";
}

/// <summary>The signature block: the two parties side by side, place and date above the right one.</summary>
internal sealed record Signatures(string PlaceAndDate, Signatory Left, Signatory Right);

/// <summary>
/// One table of a report: a sheet of the XLSX file, a part of the PDF and HTML that starts on a new page, or, when it
/// <paramref name="Continues"/> the one before (the budget under a PK's targets), goes on below it where there is room.
/// </summary>
internal sealed record ReportTable(
    string SheetName,
    IReadOnlyList<string> Title,
    IReadOnlyList<string> Lines,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<string> Notes,
    Signatures? Signatures = null,
    bool Continues = false)
{
    public bool HasBands => Columns.Any(c => c.Band is not null);
}

/// <summary>A report as data; the XLSX, PDF and HTML writers lay it out.</summary>
internal sealed record ReportDocument(string FileName, string Title, IReadOnlyList<ReportTable> Tables);
