using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Modules.Cascade.Checks;
using Kinerja.Shared.Registers;

namespace Kinerja.Modules.Cascade.Planning;

/// <summary>
/// A row of the budget workbook as read: what a line should hold, and the realisation of each triwulan typed in it; a cell
/// missing or refused is null, so the row's other cells are still checked.
/// </summary>
internal sealed record BudgetRow(int Line, string? Code, string? Name, double? Pagu, IReadOnlyList<string> Indicators, double?[] Realizations);

/// <summary>
/// The DPA's lines as a workbook the Dinas fills in Excel: one sheet, a header row (Kode, Nama, Pagu, Indikator, Realisasi
/// TW I-IV), a line per row. Downloaded filled with what is stored, imported back whole.
/// </summary>
internal static partial class BudgetWorkbook
{
    public const string Code = "Kode", Name = "Nama", Pagu = "Pagu", Indicators = "Indikator";

    public static readonly string[] Realizations = ["Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV"];

    /// <summary>More lines than any unit's DPA holds; a file beyond it is refused before its rows are checked.</summary>
    public const int MaxRows = 500;

    public static byte[] Write(IEnumerable<BudgetLine> lines)
    {
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, [Code, Name, Pagu, Indicators, .. Realizations]));
            var index = 1;
            foreach (var line in lines)
            {
                data.Append(Row(++index,
                    [line.Code, line.Name, line.Pagu, string.Join(", ", line.Indicators.Select(i => i.Code)), .. Enumerable.Range(1, 4).Select(q => (object?)line.RealizedIn(q))]));
            }
            double[] widths = [16, 60, 18, 30, 18, 18, 18, 18];
            sheetPart.Worksheet = new Worksheet(
                new Columns(widths.Select((w, c) => new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = w, CustomWidth = true })),
                data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Anggaran" });
            workbook.Workbook.Save();
        }
        return buffer.ToArray();
    }

    private const uint HeaderStyle = 1, AmountStyle = 2;

    // The header bold; amounts in rupiah with their sen, so an Indonesian Excel shows 1.250.000.000,00.
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }),
        new Fonts(new Font(new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Arial" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }));

    private static Row Row(int index, IEnumerable<object?> values)
    {
        var row = new Row { RowIndex = (uint)index };
        var column = 0;
        foreach (var value in values)
        {
            var reference = $"{(char)('A' + column++)}{index}";
            row.Append(value switch
            {
                null => new Cell { CellReference = reference },
                double number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number), StyleIndex = AmountStyle },
                _ => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = index == 1 ? HeaderStyle : 0,
                    InlineString = new InlineString(new Text(value.ToString()!) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }
        return row;
    }

    /// <summary>
    /// The rows of an uploaded workbook (or CSV), each cell checked as far as it can be without the database: every problem
    /// is added to <paramref name="checks"/> as <c>file: baris N, kolom K: ...</c>.
    /// </summary>
    public static IReadOnlyList<BudgetRow> Read(Stream content, string fileName, InputChecks checks)
    {
        var rows = new List<BudgetRow>();
        using var reader = TabularFile.Open(content, fileName);
        var header = reader.Header;
        header.RequireAll(Code, Name, Pagu, Indicators);
        var columns = (Code: header.Require(Code), Name: header.Require(Name), Pagu: header.Require(Pagu), Indicators: header.Require(Indicators));
        var spent = Realizations.Select(r => header.TryFind(r, out var c) ? c : (TabularColumn?)null).ToArray();
        var count = 0;
        foreach (var row in reader.Rows)
        {
            if (++count > MaxRows)
            {
                checks.Add("file", $"berkas {fileName} memuat lebih dari {MaxRows} baris anggaran");
                break;
            }
            string At(TabularColumn column) => $"baris {row.Line}, kolom {column.Name}";
            var code = row.Get(columns.Code);
            var name = row.Get(columns.Name);
            if (code is null)
            {
                checks.Add("file", $"{At(columns.Code)}: kode wajib diisi");
            }
            if (name is null)
            {
                checks.Add("file", $"{At(columns.Name)}: nama wajib diisi");
            }
            var pagu = Rupiah(checks, At(columns.Pagu), row.Get(columns.Pagu));
            if (pagu is null && row.Get(columns.Pagu) is null)
            {
                checks.Add("file", $"{At(columns.Pagu)}: pagu wajib diisi");
            }
            var realizations = spent.Select(c => c is { } column ? Rupiah(checks, At(column), row.Get(column)) : null).ToArray();
            var indicators = (row.Get(columns.Indicators) ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add(new BudgetRow(row.Line, code, name, pagu, indicators, realizations));
        }
        return rows;
    }

    /// <summary>
    /// A rupiah amount as an Indonesian writes it (1.250.000.000, 310.500.000,50, Rp 1.250.000) or as a spreadsheet's number
    /// cell holds it (1250000000, 310500000.5). Rupiah carry at most two decimals (sen), so a dot before three digits always
    /// groups thousands; anything else that could be read two ways is refused, never guessed.
    /// </summary>
    public static double? Rupiah(InputChecks checks, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }
        var plain = text.StartsWith("Rp", StringComparison.OrdinalIgnoreCase) ? text[2..].Trim() : text;
        string? invariant = plain switch
        {
            _ when Whole().IsMatch(plain) => plain,
            _ when Grouped().IsMatch(plain) => plain.Replace(".", "").Replace(',', '.'),
            _ when Decimal().IsMatch(plain) => plain,
            _ => null,
        };
        if (invariant is null || !double.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            checks.Add("file", $"{field}: '{text}' bukan jumlah rupiah; tulis seperti 1.250.000.000 atau 310.500.000,50");
            return null;
        }
        return checks.Amount("file", $"{field}: jumlah rupiah", amount) ? amount : null;
    }

    [GeneratedRegex(@"^\d{1,13}$")]
    private static partial Regex Whole();

    // 1.250.000 or 1.250.000,50 or 1250000,50: thousands grouped by dots, sen after a comma.
    [GeneratedRegex(@"^(\d{1,3}(\.\d{3})+|\d{1,13})(,\d{1,2})?$")]
    private static partial Regex Grouped();

    // A number cell's text: 310500000.5 (a dot before one or two digits cannot group thousands).
    [GeneratedRegex(@"^\d{1,13}\.\d{1,2}$")]
    private static partial Regex Decimal();
}
