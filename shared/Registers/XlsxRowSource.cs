using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Formatting;

namespace Kinerja.Shared.Registers;

/// <summary>
/// The first worksheet of an XLSX file. The package is opened with the Open XML SDK; the shared strings and the
/// worksheet are read with a plain <see cref="XmlReader"/>, text in chunks, so that nothing is held whole: the
/// worksheet streams whatever its size, a text longer than a cell can hold is refused as it is read, and the
/// shared strings are kept compactly within <see cref="TabularLimits"/>.
/// </summary>
internal sealed class XlsxRowSource : IRowSource
{
    /// <summary>The most characters Excel keeps in a cell: a longer text was not written by a spreadsheet.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>The most rows Excel keeps in a sheet: a sheet of more (a billion empty rows that zip to nothing) is refused.</summary>
    public const int MaxRows = 1_048_576;

    // workbook.xml is the one part read whole (for the first sheet's name); a real one is a few kilobytes.
    private const long MaxWorkbookChars = 10_000_000;

    private static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly Stream? _copy;
    private readonly SpreadsheetDocument _document;
    private readonly SharedStrings _sharedStrings;
    private readonly XmlReader _reader;
    private readonly TextReading _text;
    private readonly string _fileName;
    private readonly int _maxColumns;
    private int _lastRow;
    private int _rows;

    private XlsxRowSource(Stream? copy, SpreadsheetDocument document, SharedStrings sharedStrings, XmlReader reader, string fileName, int maxColumns)
    {
        _copy = copy;
        _document = document;
        _sharedStrings = sharedStrings;
        _reader = reader;
        _fileName = fileName;
        _maxColumns = maxColumns;
        _text = new TextReading(fileName);
    }

    public static XlsxRowSource Open(Stream content, string fileName, TabularLimits limits)
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

            document = SpreadsheetDocument.Open(copy ?? content, false, new OpenSettings { MaxCharactersInPart = MaxWorkbookChars });
            var workbook = document.WorkbookPart ?? throw NoWorksheet(fileName);
            var worksheet = workbook.Workbook.Sheets?.Elements<Sheet>()
                .Select(s => s.Id?.Value is { } id ? workbook.GetPartById(id) as WorksheetPart : null)
                .FirstOrDefault(p => p is not null) ?? throw NoWorksheet(fileName);
            var sharedStrings = workbook.SharedStringTablePart is { } part
                ? SharedStrings.Read(XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Xml), fileName, limits)
                : new SharedStrings();
            var reader = XmlReader.Create(worksheet.GetStream(FileMode.Open, FileAccess.Read), Xml);
            return new XlsxRowSource(copy, document, sharedStrings, reader, fileName, limits.MaxColumns);
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
        while (ReadRow(_maxColumns) is { } row)
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
        var cellsInRow = 0;

        while (_reader.Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    switch (_reader.LocalName)
                    {
                        case "row":
                            if (++_rows > MaxRows)
                            {
                                throw new InputException("file", $"berkas {_fileName} memuat lebih dari {IndonesianFormat.Number(MaxRows)} baris, batas satu lembar Excel");
                            }
                            rowNumber = IntAttribute("r") ?? _lastRow + 1;
                            cells = new string?[width];
                            column = -1;
                            cellsInRow = 0;
                            if (_reader.IsEmptyElement)
                            {
                                _lastRow = rowNumber;
                                return new RawRow(rowNumber, cells);
                            }
                            break;
                        case "c":
                            // Sparse rows leave cells out: a cell goes where its reference (C7) says.
                            column = ColumnOf(_reader.GetAttribute("r"), column);
                            if (column >= _maxColumns || ++cellsInRow > _maxColumns)
                            {
                                throw new InputException("file", $"berkas {_fileName} baris {rowNumber}: sel di luar {IndonesianFormat.Number(_maxColumns)} kolom "
                                    + "(batas Kinerja:Registers:MaxColumns); simpan hanya kolom register itu lalu unggah ulang");
                            }
                            type = _reader.GetAttribute("t");
                            value = null;
                            _text.Clear();
                            inCell = !_reader.IsEmptyElement;
                            break;
                        case "v" when inCell && !_reader.IsEmptyElement:
                            value = _text.ReadElement(_reader);
                            break;
                        case "t" when inCell && phonetic == 0 && !_reader.IsEmptyElement:
                            _text.AppendElement(_reader);
                            break;
                        case "rPh" when !_reader.IsEmptyElement:
                            phonetic++;
                            break;
                    }
                    break;
                case XmlNodeType.EndElement:
                    switch (_reader.LocalName)
                    {
                        case "row":
                            _lastRow = rowNumber;
                            return new RawRow(rowNumber, cells ?? new string?[width]);
                        case "c" when inCell:
                            inCell = false;
                            if (cells is not null && column < width)
                            {
                                cells[column] = Trimmed(CellText(type, value));
                            }
                            break;
                        case "rPh":
                            phonetic--;
                            break;
                    }
                    break;
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
        "inlineStr" => _text.Text(),
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

    private int? IntAttribute(string name) =>
        int.TryParse(_reader.GetAttribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The 0-based column of a reference such as C7 (capped past any limit), or the one after the previous cell.</summary>
    private static int ColumnOf(string? reference, int previous)
    {
        if (reference is null)
        {
            return previous + 1;
        }
        var letters = 0;
        var index = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]) && index <= int.MaxValue / 26 - 26)
        {
            index = index * 26 + (char.ToUpperInvariant(reference[letters]) - 'A' + 1);
            letters++;
        }

        return letters > 0 ? index - 1 : previous + 1;
    }

    private static InputException NoWorksheet(string fileName) =>
        new("file", $"berkas {fileName} tidak berisi lembar kerja (worksheet)");

    /// <summary>
    /// The text of the elements read (a cell's runs, a shared string's), gathered in chunks so that no text node is
    /// ever held whole: one past <see cref="MaxCellChars"/> is refused as soon as it is that long.
    /// </summary>
    private sealed class TextReading(string fileName)
    {
        private readonly StringBuilder _text = new();
        private readonly char[] _chunk = new char[4096];

        public int Length => _text.Length;

        public void Clear() => _text.Clear();

        public string Text() => _text.ToString();

        /// <summary>An element's own text, alone (a cell's value).</summary>
        public string ReadElement(XmlReader reader)
        {
            _text.Clear();
            AppendElement(reader);
            var text = _text.ToString();
            _text.Clear();
            return text;
        }

        /// <summary>Adds the text of the element the reader is on, and leaves the reader on its end.</summary>
        public void AppendElement(XmlReader reader)
        {
            var depth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
                {
                    continue;
                }
                int read;
                while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                {
                    if (_text.Length + read > MaxCellChars)
                    {
                        throw new InputException("file", $"berkas {fileName}: sebuah teks lebih dari {IndonesianFormat.Number(MaxCellChars)} karakter, "
                            + "batas satu sel Excel; berkas ini bukan lembar kerja register");
                    }
                    _text.Append(_chunk, 0, read);
                }
            }
        }
    }

    /// <summary>
    /// The shared-string table, as UTF-8 in blocks of a megabyte with each text's place: about half of what a list of
    /// strings takes. Refused as soon as it holds more texts or characters than the limits allow: a small zip whose
    /// table expands to gigabytes of text costs no more than the limits.
    /// </summary>
    private sealed class SharedStrings
    {
        private const int BlockBytes = 1 << 20;

        private readonly List<byte[]> _blocks = [];
        private readonly List<Place> _places = [];
        private int _used = BlockBytes;

        private readonly record struct Place(int Block, int Offset, int Length);

        public int Count => _places.Count;

        public string this[int index]
        {
            get
            {
                var place = _places[index];
                return Encoding.UTF8.GetString(_blocks[place.Block], place.Offset, place.Length);
            }
        }

        public static SharedStrings Read(XmlReader reader, string fileName, TabularLimits limits)
        {
            using var _ = reader;
            var strings = new SharedStrings();
            var text = new TextReading(fileName);
            long characters = 0;
            var phonetic = 0;
            var inItem = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "sst":
                            // Excel says how many texts follow: a table that says too many is refused before one is read.
                            if (long.TryParse(reader.GetAttribute("uniqueCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var announced)
                                && announced > limits.MaxSharedStrings)
                            {
                                throw TooMany(fileName, limits);
                            }
                            break;
                        case "si":
                            text.Clear();
                            inItem = !reader.IsEmptyElement;
                            if (!inItem)
                            {
                                strings.Add("", fileName, limits);
                            }
                            break;
                        case "t" when inItem && phonetic == 0 && !reader.IsEmptyElement:
                            text.AppendElement(reader);
                            if (characters + text.Length > limits.MaxSharedStringChars)
                            {
                                throw TooLong(fileName, limits);
                            }
                            break;
                        case "rPh" when !reader.IsEmptyElement:
                            phonetic++;
                            break;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    if (reader.LocalName == "si" && inItem)
                    {
                        inItem = false;
                        characters += text.Length;
                        strings.Add(text.Text(), fileName, limits);
                    }
                    else if (reader.LocalName == "rPh")
                    {
                        phonetic--;
                    }
                }
            }

            return strings;
        }

        private void Add(string text, string fileName, TabularLimits limits)
        {
            if (Count == limits.MaxSharedStrings)
            {
                throw TooMany(fileName, limits);
            }
            var bytes = Encoding.UTF8.GetByteCount(text);
            if (_used + bytes > BlockBytes)
            {
                _blocks.Add(new byte[BlockBytes]);
                _used = 0;
            }
            Encoding.UTF8.GetBytes(text, _blocks[^1].AsSpan(_used));
            _places.Add(new Place(_blocks.Count - 1, _used, bytes));
            _used += bytes;
        }

        private static InputException TooMany(string fileName, TabularLimits limits) => new("file",
            $"berkas {fileName} memuat lebih dari {IndonesianFormat.Number(limits.MaxSharedStrings)} teks bersama (shared strings), "
            + "batas Kinerja:Registers:MaxSharedStrings; pecah berkas itu menjadi beberapa berkas atau simpan sebagai CSV");

        private static InputException TooLong(string fileName, TabularLimits limits) => new("file",
            $"teks bersama (shared strings) berkas {fileName} lebih dari {IndonesianFormat.Number(limits.MaxSharedStringChars)} karakter, "
            + "batas Kinerja:Registers:MaxSharedStringChars; pecah berkas itu menjadi beberapa berkas atau simpan sebagai CSV");
    }
}
