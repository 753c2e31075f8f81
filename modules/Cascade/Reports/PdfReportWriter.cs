using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>
/// A report as a PDF for A4 landscape, drawn with PDFsharp: each table from a new page, its header rows
/// repeated on every page, long text wrapped in its cell, numbers the Indonesian way.
/// </summary>
internal static class PdfReportWriter
{
    private const double PageWidth = 842, PageHeight = 595, Margin = 28, BottomMargin = 38, Padding = 2.5;
    private const string Family = "Liberation Sans";

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XPen Rule = new(XColors.Black, 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xD9, 0xD9, 0xD9));
    private static readonly XBrush SectionFill = new XSolidBrush(XColor.FromArgb(0xF2, 0xF2, 0xF2));

    public static void Write(ReportDocument document, Stream output)
    {
        EmbeddedFonts.Register();
        var pdf = new PdfDocument();
        pdf.Info.Title = $"{document.Title} - {document.Tables[0].Title[1]}";
        pdf.Info.Creator = "Kinerja, Dinas Sosial Kabupaten Gresik";
        var fonts = new Fonts();
        double? end = null;
        foreach (var table in document.Tables)
        {
            end = new TableLayout(pdf, table, fonts).Draw(table.Continues ? end : null);
        }
        var pages = pdf.Pages.Count;
        for (var i = 0; i < pages; i++)
        {
            using var gfx = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            var footer = $"{pdf.Info.Title}    Halaman {i + 1} dari {pages}";
            gfx.DrawString(footer, fonts.Small, XBrushes.Black, new XRect(Margin, PageHeight - BottomMargin + 12, PageWidth - 2 * Margin, 10),
                XStringFormats.TopRight);
        }
        pdf.Save(output, false);
    }

    private sealed class Fonts
    {
        public readonly XFont Title = new(Family, 11, XFontStyleEx.Bold, Unicode);
        public readonly XFont Line = new(Family, 8, XFontStyleEx.Regular, Unicode);
        public readonly XFont Small = new(Family, 6.5, XFontStyleEx.Regular, Unicode);
        public readonly XFont SignatureBold = new(Family, 8.5, XFontStyleEx.Bold, Unicode);
        public readonly XFont Signature = new(Family, 8.5, XFontStyleEx.Regular, Unicode);
    }

    private sealed class TableLayout
    {
        private readonly PdfDocument _pdf;
        private readonly ReportTable _table;
        private readonly Fonts _fonts;
        private readonly double[] _widths;
        private readonly double[] _lefts;
        private readonly XFont _body;
        private readonly XFont _bold;
        private readonly double _lineHeight;
        private XGraphics? _gfx;
        private double _bodyTop = Margin;
        private double _y;

        public TableLayout(PdfDocument pdf, ReportTable table, Fonts fonts)
        {
            _pdf = pdf;
            _table = table;
            _fonts = fonts;
            // A wide table (the Rencana Aksi's 19 columns) is set smaller, so headings and figures fit their cells whole.
            var size = table.Columns.Count > 12 ? 6.5 : 7.5;
            _body = new XFont(Family, size, XFontStyleEx.Regular, Unicode);
            _bold = new XFont(Family, size, XFontStyleEx.Bold, Unicode);
            _lineHeight = size * 1.2;
            var total = table.Columns.Sum(c => c.Width);
            _widths = table.Columns.Select(c => c.Width / total * (PageWidth - 2 * Margin)).ToArray();
            _lefts = new double[_widths.Length];
            for (var i = 1; i < _widths.Length; i++)
            {
                _lefts[i] = _lefts[i - 1] + _widths[i - 1];
            }
            for (var i = 0; i < _lefts.Length; i++)
            {
                _lefts[i] += Margin;
            }
        }

        private XGraphics Gfx => _gfx!;

        private double Bottom => PageHeight - BottomMargin;

        /// <summary>Lays the table out from a new page, or from <paramref name="continueAt"/> on the last page; answers where it ended.</summary>
        public double Draw(double? continueAt)
        {
            // Going on below the table before needs room for the title, a few lines, the header and a row or two.
            if (continueAt is { } y && y + 14 * _table.Title.Count + 10 * _table.Lines.Count + 70 < Bottom)
            {
                _gfx = XGraphics.FromPdfPage(_pdf.Pages[_pdf.Pages.Count - 1], XGraphicsPdfPageOptions.Append);
                _y = y + 12;
            }
            else
            {
                NewPage(withHeader: false);
            }
            foreach (var line in _table.Title)
            {
                Gfx.DrawString(line, _fonts.Title, XBrushes.Black, new XRect(Margin, _y, PageWidth - 2 * Margin, 14), XStringFormats.TopCenter);
                _y += 14;
            }
            _y += 6;
            foreach (var line in _table.Lines)
            {
                foreach (var wrapped in Wrap(line, _fonts.Line, PageWidth - 2 * Margin))
                {
                    Gfx.DrawString(wrapped, _fonts.Line, XBrushes.Black, new XPoint(Margin, _y + 8));
                    _y += 10;
                }
            }
            _y += 6;
            DrawHeader();
            foreach (var section in _table.Sections)
            {
                if (section.Heading is not null)
                {
                    var lines = Wrap(section.Heading, _bold, PageWidth - 2 * Margin - 2 * Padding);
                    var height = Height(lines.Count);
                    var first = section.Rows.Count > 0 ? Math.Min(RowHeight(section.Rows[0]), Height(3)) : 0;
                    if (_y + height + first > Bottom)
                    {
                        NewPage(withHeader: true);
                    }
                    Gfx.DrawRectangle(Rule, SectionFill, new XRect(Margin, _y, PageWidth - 2 * Margin, height));
                    DrawLines(lines, _bold, Margin, PageWidth - 2 * Margin, XStringFormats.TopLeft);
                    _y += height;
                }
                foreach (var row in section.Rows)
                {
                    DrawRow(row);
                }
            }
            _y += 6;
            foreach (var note in _table.Notes)
            {
                if (_y + 10 > Bottom)
                {
                    NewPage(withHeader: false);
                }
                Gfx.DrawString(note, _fonts.Small, XBrushes.Black, new XPoint(Margin, _y + 7));
                _y += 9;
            }
            if (_table.Signatures is { } signatures)
            {
                DrawSignatures(signatures);
            }
            Gfx.Dispose();
            return _y;
        }

        // A row goes whole to the next page when it does not fit; only a row taller than a page (a long
        // Analisis) is continued on the next, so no text is cut off.
        private void DrawRow(ReportRow row)
        {
            var lines = row.Cells.Select((cell, c) => Wrap(cell.Display, _body, _widths[c] - 2 * Padding)).ToList();
            var total = lines.Max(l => l.Count);
            var done = 0;
            while (done < total)
            {
                var fit = (int)Math.Floor((Bottom - _y - 2 * Padding) / LineHeight);
                var whole = total - done;
                if (whole > fit && (done == 0 && Height(whole) <= Bottom - _bodyTop || fit < 1))
                {
                    NewPage(withHeader: true);
                    continue;
                }
                var take = Math.Min(whole, fit);
                var height = Height(take);
                for (var c = 0; c < row.Cells.Count; c++)
                {
                    Gfx.DrawRectangle(Rule, new XRect(_lefts[c], _y, _widths[c], height));
                    var format = row.Cells[c].IsFigure ? XStringFormats.TopRight : XStringFormats.TopLeft;
                    DrawLines(lines[c].Skip(done).Take(take).ToList(), _body, _lefts[c], _widths[c], format);
                }
                _y += height;
                done += take;
                if (done < total)
                {
                    NewPage(withHeader: true);
                }
            }
        }

        private void NewPage(bool withHeader)
        {
            _gfx?.Dispose();
            var page = _pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
            if (withHeader)
            {
                DrawHeader();
                _bodyTop = _y;
            }
        }

        private void DrawHeader()
        {
            var columns = _table.Columns;
            var headingLines = columns.Select((c, i) => Wrap(c.Heading, _bold, _widths[i] - 2 * Padding)).ToList();
            var rowHeight = Height(headingLines.Max(l => l.Count));
            if (!_table.HasBands)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    HeaderCell(headingLines[c], c, c, _y, rowHeight);
                }
                _y += rowHeight;
                return;
            }
            var bandHeight = Height(1);
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].Band is not { } band)
                {
                    HeaderCell(headingLines[c], c, c, _y, bandHeight + rowHeight);
                    continue;
                }
                var end = c;
                while (end + 1 < columns.Count && columns[end + 1].Band == band)
                {
                    end++;
                }
                HeaderCell(Wrap(band, _bold, _lefts[end] + _widths[end] - _lefts[c] - 2 * Padding), c, end, _y, bandHeight);
                for (var k = c; k <= end; k++)
                {
                    HeaderCell(headingLines[k], k, k, _y + bandHeight, rowHeight);
                }
                c = end;
            }
            _y += bandHeight + rowHeight;
        }

        private void HeaderCell(IReadOnlyList<string> lines, int from, int to, double top, double height)
        {
            var rect = new XRect(_lefts[from], top, _lefts[to] + _widths[to] - _lefts[from], height);
            Gfx.DrawRectangle(Rule, HeaderFill, rect);
            var y = top + (height - lines.Count * LineHeight) / 2;
            foreach (var line in lines)
            {
                Gfx.DrawString(line, _bold, XBrushes.Black, new XRect(rect.X, y, rect.Width, LineHeight), XStringFormats.TopCenter);
                y += LineHeight;
            }
        }

        private void DrawSignatures(Signatures s)
        {
            const double height = 130;
            if (_y + height > Bottom)
            {
                NewPage(withHeader: false);
            }
            var width = (PageWidth - 2 * Margin) / 2;
            void Block(double left, Signatory who, string? above)
            {
                var y = _y + 8;
                void Text(string text, XFont font)
                {
                    Gfx.DrawString(text, font, XBrushes.Black, new XRect(left, y, width, 11), XStringFormats.TopCenter);
                    y += 11;
                }
                Text(above ?? "", _fonts.Signature);
                Text(who.Role, _fonts.SignatureBold);
                Text(who.Jabatan, _fonts.Signature);
                y += 44;
                Text(who.Nama ?? "(nama belum ditetapkan)", _fonts.SignatureBold);
                Text(who.Pangkat ?? "", _fonts.Signature);
                Text(who.NipText, _fonts.Signature);
            }
            Block(Margin, s.Left, null);
            Block(Margin + width, s.Right, s.PlaceAndDate);
            _y += height;
        }

        private double LineHeight => _lineHeight;

        private double Height(int lines) => lines * LineHeight + 2 * Padding;

        private double RowHeight(ReportRow row) =>
            Height(row.Cells.Select((cell, c) => Wrap(cell.Display, _body, _widths[c] - 2 * Padding).Count).Max());

        private void DrawLines(IReadOnlyList<string> lines, XFont font, double left, double width, XStringFormat format)
        {
            var y = _y + Padding;
            foreach (var line in lines)
            {
                Gfx.DrawString(line, font, XBrushes.Black, new XRect(left + Padding, y, width - 2 * Padding, LineHeight), format);
                y += LineHeight;
            }
        }

        // Word wrap by measured width, paragraph by paragraph; a word longer than the cell is broken where it overflows.
        private List<string> Wrap(string text, XFont font, double width) =>
            text.Split('\n').SelectMany(paragraph => WrapParagraph(paragraph.TrimEnd('\r'), font, width)).ToList();

        private List<string> WrapParagraph(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = word;
                while (line.Length > 1 && Gfx.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Gfx.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
            return lines;
        }
    }
}

/// <summary>
/// Liberation Sans, carried in the assembly: PDFsharp on Linux finds no system font by itself, and a
/// server may have none installed.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    private static readonly EmbeddedFonts Instance = new();
    private static readonly Lock Gate = new();

    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver != Instance)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "LiberationSans-Bold" : "LiberationSans-Regular");

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"fonts/{faceName}.ttf")
            ?? throw new InvalidOperationException($"Fon {faceName} tidak dibawa oleh modul Cascade.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
