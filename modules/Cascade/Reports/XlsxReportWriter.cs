using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Shared.Formatting;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>
/// A report as an XLSX workbook, a sheet per table: figures stored as numbers with number formats,
/// merged headings, the header rows printed on every page, A4 landscape fitted to the page width.
/// </summary>
internal static class XlsxReportWriter
{
    // Indexes into the stylesheet's cell formats below.
    private const uint Title = 1, Text = 2, Integer = 3, Decimal = 4, Percent = 5, Header = 6, Section = 7, Plain = 8, Center = 9,
        CenterBold = 10, Dash = 11, Rupiah = 12;

    public static void Write(ReportDocument document, Stream output)
    {
        using var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = package.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var names = new DefinedNames();
        // A table that continues the one before goes on the same sheet, below it.
        var groups = new List<List<ReportTable>>();
        foreach (var table in document.Tables)
        {
            if (table.Continues && groups.Count > 0)
            {
                groups[^1].Add(table);
            }
            else
            {
                groups.Add([table]);
            }
        }
        for (var i = 0; i < groups.Count; i++)
        {
            var table = groups[i][0];
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var (worksheet, headerRows) = Sheet(groups[i], document.Title);
            part.Worksheet = worksheet;
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = table.SheetName });
            names.Append(new DefinedName($"'{table.SheetName}'!${headerRows.First}:${headerRows.Last}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = (uint)i,
            });
        }
        workbookPart.Workbook.Append(names);
        workbookPart.Workbook.Save();
    }

    private static (Worksheet, (int First, int Last)) Sheet(IReadOnlyList<ReportTable> tables, string documentTitle)
    {
        var data = new SheetData();
        var merges = new MergeCells();
        var (row, headerRows) = (0, (First: 0, Last: 0));
        foreach (var table in tables)
        {
            var (end, header) = Append(data, merges, table, row == 0 ? 0 : row + 1);
            headerRows = row == 0 ? header : headerRows;
            row = end;
        }

        // Each column as wide as the widest table needs it.
        var widths = Enumerable.Range(0, tables.Max(t => t.Columns.Count))
            .Select(c => tables.Where(t => c < t.Columns.Count).Max(t => t.Columns[c].Width))
            .ToList();
        var columns = new Columns(widths.Select((width, c) => new Column
        {
            Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width + 2, CustomWidth = true,
        }));
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView { WorkbookViewId = 0 }),
            columns,
            data);
        if (merges.HasChildren)
        {
            worksheet.Append(merges);
        }
        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter($"&L{documentTitle} - {tables[0].Title[1 % tables[0].Title.Count]}&RHalaman &P dari &N")));
        return (worksheet, headerRows);
    }

    /// <summary>Writes a table from the row after <paramref name="row"/>; answers its last row and its header rows.</summary>
    private static (int Last, (int First, int Last) Header) Append(SheetData data, MergeCells merges, ReportTable table, int row)
    {
        var last = table.Columns.Count - 1;

        foreach (var line in table.Title)
        {
            AddRow(data, ++row, [(0, Cell(line, Title))]);
            Merge(merges, row, 0, row, last);
        }
        row++;
        foreach (var line in table.Lines)
        {
            AddRow(data, ++row, [(0, Cell(line, Plain))]);
            Merge(merges, row, 0, row, last);
        }
        row++;

        var firstHeader = row + 1;
        if (table.HasBands)
        {
            var bandRow = ++row;
            var headingRow = ++row;
            var top = new List<(int, Cell)>();
            var bottom = new List<(int, Cell)>();
            for (var c = 0; c <= last; c++)
            {
                var column = table.Columns[c];
                if (column.Band is null)
                {
                    top.Add((c, Cell(column.Heading, Header)));
                    bottom.Add((c, Cell("", Header)));
                    Merge(merges, bandRow, c, headingRow, c);
                    continue;
                }
                var end = c;
                while (end < last && table.Columns[end + 1].Band == column.Band)
                {
                    end++;
                }
                for (var k = c; k <= end; k++)
                {
                    top.Add((k, Cell(k == c ? column.Band : "", Header)));
                    bottom.Add((k, Cell(table.Columns[k].Heading, Header)));
                }
                Merge(merges, bandRow, c, bandRow, end);
                c = end;
            }
            AddRow(data, bandRow, top);
            AddRow(data, headingRow, bottom, Lines(table.Columns.Select(x => (x.Heading, x.Width))));
        }
        else
        {
            ++row;
            AddRow(data, row, table.Columns.Select((x, c) => (c, Cell(x.Heading, Header))).ToList(),
                Lines(table.Columns.Select(x => (x.Heading, x.Width))));
        }
        var lastHeader = row;

        foreach (var section in table.Sections)
        {
            if (section.Heading is not null)
            {
                ++row;
                AddRow(data, row, Enumerable.Range(0, last + 1).Select(c => (c, Cell(c == 0 ? section.Heading : "", Section))).ToList(),
                    Lines([(section.Heading, table.Columns.Sum(x => x.Width))]));
                Merge(merges, row, 0, row, last);
            }
            foreach (var r in section.Rows)
            {
                AddRow(data, ++row, r.Cells.Select((cell, c) => (c, Cell(cell))).ToList(),
                    Lines(r.Cells.Select((cell, c) => (cell.Display, table.Columns[c].Width))));
            }
        }
        row++;
        foreach (var note in table.Notes)
        {
            AddRow(data, ++row, [(0, Cell(note, Plain))]);
            Merge(merges, row, 0, row, last);
        }
        if (table.Signatures is { } s)
        {
            row = Signatures(data, merges, row + 1, s, last);
        }
        return (row, (firstHeader, lastHeader));
    }

    // Left: the superior (pihak kedua); right: the official who promises (pihak pertama), under place and date.
    private static int Signatures(SheetData data, MergeCells merges, int row, Signatures s, int last)
    {
        var left = (From: 1, To: Math.Max(1, last / 2 - 1));
        var right = (From: Math.Max(left.To + 1, last - 2), To: last);
        void Line(int r, string? l, string? rt, uint style)
        {
            var cells = new List<(int, Cell)>();
            if (l is not null)
            {
                cells.Add((left.From, Cell(l, style)));
                Merge(merges, r, left.From, r, left.To);
            }
            if (rt is not null)
            {
                cells.Add((right.From, Cell(rt, style)));
                Merge(merges, r, right.From, r, right.To);
            }
            AddRow(data, r, cells);
        }
        Line(++row, null, s.PlaceAndDate, Center);
        Line(++row, s.Left.Role, s.Right.Role, CenterBold);
        Line(++row, s.Left.Jabatan, s.Right.Jabatan, Center);
        row += 4;
        Line(++row, s.Left.Nama ?? "(nama belum ditetapkan)", s.Right.Nama ?? "(nama belum ditetapkan)", CenterBold);
        Line(++row, s.Left.Pangkat ?? "", s.Right.Pangkat ?? "", Center);
        Line(++row, s.Left.NipText, s.Right.NipText, Center);
        return row;
    }

    // Spreadsheet programs do not all fit a row to wrapped text when they open a file: its height is estimated here.
    private static int Lines(IEnumerable<(string Text, double Width)> cells) =>
        cells.Max(c => c.Text.Split('\n').Sum(p => (int)Math.Ceiling(Math.Max(1, p.Length) / Math.Max(1, c.Width - 1))));

    private static void AddRow(SheetData data, int index, IReadOnlyList<(int Column, Cell Cell)> cells, int lines = 1)
    {
        var row = new Row { RowIndex = (uint)index };
        if (lines > 1)
        {
            row.Height = 13.2 * lines;
            row.CustomHeight = true;
        }
        foreach (var (column, cell) in cells.OrderBy(c => c.Column))
        {
            cell.CellReference = Reference(index, column);
            row.Append(cell);
        }
        data.Append(row);
    }

    private static Cell Cell(ReportCell cell)
    {
        if (!cell.IsFigure)
        {
            return Cell(cell.Text ?? "", Text);
        }
        if (cell.Figure is not { } figure)
        {
            return Cell("-", Dash);
        }
        return new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(figure),
            StyleIndex = cell.Format switch { FigureFormat.Integer => Integer, FigureFormat.Decimal => Decimal, FigureFormat.Rupiah => Rupiah, _ => Percent },
        };
    }

    private static Cell Cell(string text, uint style) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    private static void Merge(MergeCells merges, int fromRow, int fromColumn, int toRow, int toColumn)
    {
        if (fromRow != toRow || fromColumn != toColumn)
        {
            merges.Append(new MergeCell { Reference = $"{Reference(fromRow, fromColumn)}:{Reference(toRow, toColumn)}" });
        }
    }

    public static string Reference(int row, int column) => ColumnName(column) + row;

    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + (c - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Styles()
    {
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0.00\" %\"" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "\"Rp \"#,##0" });
        var fonts = new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Arial" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9D9D9"),
            Solid("FFF2F2F2"));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);
        static CellFormat Format(uint font, uint fill, uint border, uint numberFormat, HorizontalAlignmentValues? horizontal,
            VerticalAlignmentValues vertical, bool wrap) => new(new Alignment { Horizontal = horizontal, Vertical = vertical, WrapText = wrap })
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat,
            ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyNumberFormat = numberFormat != 0, ApplyAlignment = true,
        };
        var formats = new CellFormats(
            new CellFormat(),
            Format(2, 0, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, false), // Title
            Format(0, 0, 1, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, true), // Text
            Format(0, 0, 1, 164, HorizontalAlignmentValues.Right, VerticalAlignmentValues.Top, false), // Integer
            Format(0, 0, 1, 165, HorizontalAlignmentValues.Right, VerticalAlignmentValues.Top, false), // Decimal
            Format(0, 0, 1, 166, HorizontalAlignmentValues.Right, VerticalAlignmentValues.Top, false), // Percent
            Format(1, 2, 1, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, true), // Header
            Format(1, 3, 1, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center, true), // Section
            Format(0, 0, 0, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center, false), // Plain
            Format(0, 0, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, false), // Center
            Format(1, 0, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, false), // CenterBold
            Format(0, 0, 1, 0, HorizontalAlignmentValues.Right, VerticalAlignmentValues.Top, false), // Dash
            Format(0, 0, 1, 167, HorizontalAlignmentValues.Right, VerticalAlignmentValues.Top, false)); // Rupiah
        return new Stylesheet(numberFormats, fonts, fills, borders, formats);
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
}
