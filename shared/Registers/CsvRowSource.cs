using System.Buffers;
using System.Text;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Formatting;

namespace Kinerja.Shared.Registers;

/// <summary>
/// CSV as Excel writes it (RFC 4180): UTF-8 with or without BOM, quoted fields with <c>""</c> for a quote, and the
/// delimiter (',', ';' or tab) taken from the header line, since Excel in an Indonesian locale saves with ';'.
/// </summary>
/// <remarks>
/// Read in one pass, linear in a row's width: a cell is made into text only when its column is wanted, and a row
/// wider than <see cref="TabularLimits.MaxColumns"/> is refused at that column. (Sylvan's reader, used before,
/// took quadratic time over a row of a few hundred thousand columns and could not stop at a column count.)
/// </remarks>
internal sealed class CsvRowSource : IRowSource
{
    /// <summary>The longest record accepted; memory stays bounded whatever the file holds.</summary>
    public const int MaxRecordChars = 1 << 20;

    private const int BufferChars = 1 << 16;

    private readonly TextReader _text;
    private readonly string _fileName;
    private readonly int _maxColumns;
    private readonly char _delimiter;
    private readonly SearchValues<char> _fieldEnds;
    private readonly char[] _buffer = new char[BufferChars];
    private int _position;
    private int _length;
    private int _recordChars;
    private int _line;

    // A cell that runs past the buffer or holds a quote is gathered here; most are cut straight from the buffer.
    private char[] _cell = new char[256];
    private int _cellLength;

    public CsvRowSource(Stream content, string fileName, TabularLimits limits)
    {
        _fileName = fileName;
        _maxColumns = limits.MaxColumns;
        // Strict UTF-8: a file saved as ANSI would otherwise store names with '\uFFFD' in them, unnoticed.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        _text = new StreamReader(content, utf8, detectEncodingFromByteOrderMarks: true, BufferChars, leaveOpen: true);
        _length = _text.ReadBlock(_buffer, 0, _buffer.Length);
        _delimiter = DetectDelimiter(_buffer.AsSpan(0, _length));
        _fieldEnds = SearchValues.Create([_delimiter, '\r', '\n']);
    }

    public RawRow? ReadHeader()
    {
        // The header is as wide as the file says, up to the column limit; columns without a name after the last named one are dropped.
        if (ReadRecord(_maxColumns) is not { } header)
        {
            return null;
        }
        var last = Array.FindLastIndex(header.Cells, c => c is not null);
        return last < 0 ? null : new RawRow(header.Line, header.Cells[..(last + 1)]);
    }

    public RawRow? ReadRow(int width) => ReadRecord(width);

    public void Dispose() => _text.Dispose();

    /// <summary>The next record with its first <paramref name="width"/> cells trimmed (null when empty); null at the end.</summary>
    private RawRow? ReadRecord(int width)
    {
        if (!Available())
        {
            return null;
        }
        // One spreadsheet row per record, a quoted line break included, as Excel numbers them.
        _line++;
        _recordChars = 0;
        var cells = new string?[width];
        for (var column = 0; ; column++)
        {
            if (column == _maxColumns)
            {
                throw new InputException("file", $"berkas {_fileName} baris {_line}: lebih dari {IndonesianFormat.Number(_maxColumns)} kolom "
                    + "(batas Kinerja:Registers:MaxColumns); simpan hanya kolom register itu lalu unggah ulang");
            }
            var endOfRecord = ReadField(keep: column < width, out var text);
            if (column < width)
            {
                cells[column] = text;
            }
            if (endOfRecord)
            {
                return new RawRow(_line, cells);
            }
        }
    }

    /// <summary>Reads one field and what ends it; true when that is the end of the record (a line break or the file's end).</summary>
    private bool ReadField(bool keep, out string? text)
    {
        text = null;
        _cellLength = 0;
        if (Available() && _buffer[_position] == '"')
        {
            Consume(1);
            ReadQuoted(keep);
        }
        else if (Available())
        {
            // The common case: the whole field lies in the buffer, unquoted, and is cut from it directly.
            var rest = _buffer.AsSpan(_position, _length - _position);
            var end = rest.IndexOfAny(_fieldEnds);
            if (end >= 0)
            {
                if (keep)
                {
                    text = Cell(rest[..end]);
                }
                Consume(end);
                return EndOfField();
            }
        }
        // Past the buffer or after a closing quote: gathered until a delimiter or a line break.
        while (Available())
        {
            var rest = _buffer.AsSpan(_position, _length - _position);
            var end = rest.IndexOfAny(_fieldEnds);
            var run = end < 0 ? rest.Length : end;
            Gather(keep, rest[..run]);
            Consume(run);
            if (end >= 0)
            {
                break;
            }
        }
        if (keep)
        {
            text = Cell(_cell.AsSpan(0, _cellLength));
        }
        return EndOfField();
    }

    /// <summary>A quoted part, its opening quote read: up to the closing quote, <c>""</c> being one quote.</summary>
    private void ReadQuoted(bool keep)
    {
        var line = _line;
        while (true)
        {
            if (!Available())
            {
                throw new InputException("file", $"berkas {_fileName} rusak pada baris {line}: tanda kutip (\") tidak berpasangan");
            }
            var rest = _buffer.AsSpan(_position, _length - _position);
            var quote = rest.IndexOf('"');
            var run = quote < 0 ? rest.Length : quote;
            Gather(keep, rest[..run]);
            Consume(run);
            if (quote < 0)
            {
                continue;
            }
            Consume(1);
            if (Available() && _buffer[_position] == '"')
            {
                Gather(keep, "\"");
                Consume(1);
                continue;
            }
            // The closing quote; text after it up to the delimiter is kept, as Excel does.
            return;
        }
    }

    /// <summary>At a delimiter, a line break or the file's end: steps over it; true unless it was a delimiter.</summary>
    private bool EndOfField()
    {
        if (!Available())
        {
            return true;
        }
        var end = _buffer[_position];
        Consume(1);
        if (end == _delimiter)
        {
            return false;
        }
        if (end == '\r' && Available() && _buffer[_position] == '\n')
        {
            Consume(1);
        }
        return true;
    }

    private void Gather(bool keep, ReadOnlySpan<char> part)
    {
        if (!keep || part.IsEmpty)
        {
            return;
        }
        if (_cellLength + part.Length > _cell.Length)
        {
            Array.Resize(ref _cell, Math.Max(_cell.Length * 2, _cellLength + part.Length));
        }
        part.CopyTo(_cell.AsSpan(_cellLength));
        _cellLength += part.Length;
    }

    private static string? Cell(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.IsEmpty ? null : new string(trimmed);
    }

    private void Consume(int count)
    {
        _position += count;
        _recordChars += count;
        if (_recordChars > MaxRecordChars)
        {
            throw new InputException("file", $"berkas {_fileName}: baris {_line} lebih dari {IndonesianFormat.Number(MaxRecordChars)} karakter");
        }
    }

    /// <summary>Whether a character is left to read, reading more of the file when the buffer is spent.</summary>
    private bool Available()
    {
        if (_position < _length)
        {
            return true;
        }
        _position = 0;
        _length = _text.Read(_buffer, 0, _buffer.Length);
        return _length > 0;
    }

    /// <summary>The candidate found most often outside quotes on the first line; ',' when none is.</summary>
    internal static char DetectDelimiter(ReadOnlySpan<char> start)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in start)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (c is '\r' or '\n')
                {
                    break;
                }

                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }
}
