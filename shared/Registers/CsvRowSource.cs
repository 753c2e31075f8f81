using System.Text;
using Sylvan.Data.Csv;

namespace Kinerja.Shared.Registers;

/// <summary>
/// CSV through Sylvan: UTF-8 with or without BOM, quoted fields, and the delimiter (',', ';' or tab)
/// taken from the header line, since Excel in an Indonesian locale saves with ';'.
/// </summary>
internal sealed class CsvRowSource : IRowSource
{
    /// <summary>The longest record accepted; memory stays bounded whatever the file holds.</summary>
    public const int MaxRecordChars = 1 << 20;

    private const int ProbeChars = 1 << 16;
    private readonly CsvDataReader? _csv;
    private int _line = 1;

    public CsvRowSource(Stream content)
    {
        // Strict UTF-8: a file saved as ANSI would otherwise store names with '\uFFFD' in them, unnoticed.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var text = new StreamReader(content, utf8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        var probe = new char[ProbeChars];
        var probed = text.ReadBlock(probe, 0, probe.Length);
        var replay = new ReplayingReader(probe, probed, text);
        if (probed == 0)
        {
            replay.Dispose();
            return;
        }

        _csv = CsvDataReader.Create(replay, new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = DetectDelimiter(probe.AsSpan(0, probed)),
            // A register cell may well start with '#'; no line of an upload is a comment.
            Comment = '\0',
            BufferSize = 1 << 16,
            MaxBufferSize = MaxRecordChars,
        });
    }

    public RawRow? ReadHeader()
    {
        if (_csv is null || _csv.FieldCount == 0 || (_csv.FieldCount == 1 && _csv.GetName(0).Trim().Length == 0))
        {
            return null;
        }

        var names = new string?[_csv.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _csv.GetName(i);
        }

        return new RawRow(1, names);
    }

    public RawRow? ReadRow(int width)
    {
        if (_csv is null || !_csv.Read())
        {
            return null;
        }

        // One spreadsheet row per record, a quoted line break included, as Excel numbers them.
        _line++;
        var cells = new string?[width];
        var count = Math.Min(width, _csv.RowFieldCount);
        for (var i = 0; i < count; i++)
        {
            var field = _csv.GetFieldSpan(i).Trim();
            cells[i] = field.IsEmpty ? null : new string(field);
        }

        return new RawRow(_line, cells);
    }

    public void Dispose() => _csv?.Dispose();

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

    /// <summary>Gives back the characters read to find the delimiter, then the rest of the stream.</summary>
    private sealed class ReplayingReader(char[] probe, int probed, TextReader rest) : TextReader
    {
        private int _position;

        public override int Peek() => _position < probed ? probe[_position] : rest.Peek();

        public override int Read() => _position < probed ? probe[_position++] : rest.Read();

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_position >= probed)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, probed - _position);
            probe.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
