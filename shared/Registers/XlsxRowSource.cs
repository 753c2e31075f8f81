using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Shared.Errors;

namespace Kinerja.Shared.Registers;

/// <summary>
/// The first worksheet of an XLSX file, read with the SAX-style <see cref="OpenXmlReader"/>: the worksheet
/// is never loaded as a DOM, so its size does not matter. Only the shared-string table is held in memory.
/// </summary>
internal sealed class XlsxRowSource : IRowSource
{
    // Excel's limit; the header row is read this wide, data rows as wide as the header.
    private const int MaxColumns = 16384;

    private readonly Stream? _copy;
    private readonly SpreadsheetDocument _document;
    private readonly List<string> _sharedStrings;
    private readonly OpenXmlReader _reader;
    private readonly StringBuilder _text = new();
    private int _lastRow;

    private XlsxRowSource(Stream? copy, SpreadsheetDocument document, List<string> sharedStrings, OpenXmlReader reader)
    {
        _copy = copy;
        _document = document;
        _sharedStrings = sharedStrings;
        _reader = reader;
    }

    public static XlsxRowSource Open(Stream content, string fileName)
    {
        // A zip is read from its end: a stream that cannot seek is first spooled to a temporary file.
        Stream? copy = null;
        SpreadsheetDocument? document = null;
        try
        {
            if (!content.CanSeek)
            {
                copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                content.CopyTo(copy);
                copy.Position = 0;
            }

            document = SpreadsheetDocument.Open(copy ?? content, false);
            var workbook = document.WorkbookPart ?? throw NoWorksheet(fileName);
            var worksheet = workbook.Workbook.Sheets?.Elements<Sheet>()
                .Select(s => s.Id?.Value is { } id ? workbook.GetPartById(id) as WorksheetPart : null)
                .FirstOrDefault(p => p is not null) ?? throw NoWorksheet(fileName);
            var sharedStrings = ReadSharedStrings(workbook.SharedStringTablePart);
            return new XlsxRowSource(copy, document, sharedStrings, OpenXmlReader.Create(worksheet));
        }
        catch
        {
            document?.Dispose();
            copy?.Dispose();
            throw;
        }
    }

    public RawRow? ReadHeader()
    {
        // The header is the first row with any text: a sheet may leave rows empty above it.
        while (ReadRow(MaxColumns) is { } row)
        {
            var last = Array.FindLastIndex(row.Cells, c => c is not null);
            if (last >= 0)
            {
                return new RawRow(row.Line, row.Cells[..(last + 1)]);
            }
        }

        return null;
    }

    public RawRow? ReadRow(int width)
    {
        string?[]? cells = null;
        var rowNumber = 0;
        var column = -1;
        string? type = null;
        string? value = null;
        var inCell = false;
        var phonetic = 0;

        while (_reader.Read())
        {
            var element = _reader.ElementType;
            if (element == typeof(Row))
            {
                if (_reader.IsStartElement)
                {
                    rowNumber = RowAttribute(_reader) ?? _lastRow + 1;
                    cells = new string?[width];
                    column = -1;
                }

                if (_reader.IsEndElement)
                {
                    _lastRow = rowNumber;
                    return new RawRow(rowNumber, cells ?? new string?[width]);
                }
            }
            else if (element == typeof(Cell))
            {
                if (_reader.IsStartElement)
                {
                    // Sparse rows leave cells out: a cell goes where its reference (C7) says.
                    (column, type) = CellAttributes(_reader, column);
                    value = null;
                    _text.Clear();
                    inCell = true;
                }

                if (_reader.IsEndElement && inCell)
                {
                    inCell = false;
                    if (cells is not null && column < width)
                    {
                        cells[column] = Trimmed(CellText(type, value));
                    }
                }
            }
            else if (element == typeof(CellValue) && _reader.IsStartElement)
            {
                value = _reader.GetText();
            }
            else if (element == typeof(PhoneticRun))
            {
                phonetic += _reader.IsStartElement ? 1 : 0;
                phonetic -= _reader.IsEndElement ? 1 : 0;
            }
            else if (element == typeof(Text) && _reader.IsStartElement && inCell && phonetic == 0)
            {
                _text.Append(_reader.GetText());
            }
        }

        return null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _document.Dispose();
        _copy?.Dispose();
    }

    private string? CellText(string? type, string? value) => type switch
    {
        "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
            ? _sharedStrings[index]
            : null,
        "inlineStr" => _text.ToString(),
        "b" => value == "1" ? "TRUE" : value == "0" ? "FALSE" : value,
        // An ISO date cell (rare); a register keeps the day, not the time.
        "d" => value is { Length: > 10 } && value[10] == 'T' ? value[..10] : value,
        "str" or "e" => value,
        _ => PlainNumber(value),
    };

    // Excel may write a large number such as a NIK typed as a number in exponent form (3.525015507900001E+15).
    private static string? PlainNumber(string? value) =>
        value is not null && value.AsSpan().IndexOfAny('E', 'e') >= 0
        && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("0.############################", CultureInfo.InvariantCulture)
            : value;

    private static string? Trimmed(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        return trimmed.IsEmpty ? null : trimmed.Length == text.Length ? text : new string(trimmed);
    }

    private static int? RowAttribute(OpenXmlReader reader)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == "r" && int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var row))
            {
                return row;
            }
        }

        return null;
    }

    private static (int Column, string? Type) CellAttributes(OpenXmlReader reader, int previous)
    {
        var column = previous + 1;
        string? type = null;
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == "r" && attribute.Value is { } reference)
            {
                var letters = 0;
                var index = 0;
                while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
                {
                    index = index * 26 + (char.ToUpperInvariant(reference[letters]) - 'A' + 1);
                    letters++;
                }

                if (letters > 0)
                {
                    column = Math.Min(index, MaxColumns) - 1;
                }
            }
            else if (attribute.LocalName == "t")
            {
                type = attribute.Value;
            }
        }

        return (column, type);
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var phonetic = 0;
        var inItem = false;
        while (reader.Read())
        {
            var element = reader.ElementType;
            if (element == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    text.Clear();
                    inItem = true;
                }

                if (reader.IsEndElement && inItem)
                {
                    strings.Add(text.ToString());
                    inItem = false;
                }
            }
            else if (element == typeof(PhoneticRun))
            {
                phonetic += reader.IsStartElement ? 1 : 0;
                phonetic -= reader.IsEndElement ? 1 : 0;
            }
            else if (element == typeof(Text) && reader.IsStartElement && phonetic == 0)
            {
                text.Append(reader.GetText());
            }
        }

        return strings;
    }

    private static InputException NoWorksheet(string fileName) =>
        new("file", $"berkas {fileName} tidak berisi lembar kerja (worksheet)");
}
