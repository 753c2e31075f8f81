using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Kinerja.Shared.Errors;

namespace Kinerja.Shared.Registers;

/// <summary>
/// Reads an uploaded register file, CSV or XLSX by its extension, one row at a time: a file of a million
/// rows is never held in memory. The caller keeps ownership of the stream.
/// </summary>
public static class TabularFile
{
    /// <summary>
    /// The data rows of the file, after checking that the header has every required column. The file is
    /// opened on the first step of the enumeration, which is where a refusal is thrown.
    /// </summary>
    public static IEnumerable<TabularRow> Read(Stream content, string fileName, params IEnumerable<string> requiredHeaders) =>
        Read(content, fileName, TabularLimits.Default, requiredHeaders);

    /// <inheritdoc cref="Read(Stream, string, IEnumerable{string})"/>
    /// <param name="limits">What the file may hold before it is refused as a whole.</param>
    public static IEnumerable<TabularRow> Read(Stream content, string fileName, TabularLimits limits, params IEnumerable<string> requiredHeaders)
    {
        using var reader = Open(content, fileName, limits);
        reader.Header.RequireAll(requiredHeaders);
        foreach (var row in reader.Rows)
        {
            yield return row;
        }
    }

    /// <summary>
    /// Opens the file and reads its header now, so columns can be found before the first row is read.
    /// </summary>
    public static TabularReader Open(Stream content, string fileName, TabularLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        IRowSource? source = null;
        try
        {
            source = extension switch
            {
                ".csv" => new CsvRowSource(content, fileName, limits ?? TabularLimits.Default),
                ".xlsx" => XlsxRowSource.Open(content, fileName, limits ?? TabularLimits.Default),
                _ => throw new InputException("file",
                    $"jenis berkas '{(extension.Length == 0 ? fileName : extension)}' tidak didukung: unggah berkas .csv atau .xlsx"),
            };
            return new TabularReader(fileName, source);
        }
        catch (Exception e) when (TabularReader.Refusal(fileName, e) is { } refusal)
        {
            source?.Dispose();
            throw refusal;
        }
        catch
        {
            source?.Dispose();
            throw;
        }
    }
}

/// <summary>An open upload: its header, then its rows in a single pass.</summary>
public sealed class TabularReader : IDisposable
{
    private readonly IRowSource _source;
    private bool _started;

    internal TabularReader(string fileName, IRowSource source)
    {
        FileName = fileName;
        _source = source;
        Header = source.ReadHeader() is { } h
            ? new TabularHeader(h.Line, h.Cells)
            : throw Empty(fileName);
    }

    public string FileName { get; }

    public TabularHeader Header { get; }

    /// <summary>
    /// The data rows, in file order. Rows whose every cell is empty (the blank lines Excel leaves at the
    /// end of a sheet) are skipped, but still counted in <see cref="TabularRow.Line"/>.
    /// </summary>
    public IEnumerable<TabularRow> Rows
    {
        get
        {
            if (_started)
            {
                throw new InvalidOperationException("The rows of an upload can be read only once.");
            }

            _started = true;
            return ReadRows();
        }
    }

    private IEnumerable<TabularRow> ReadRows()
    {
        var width = Header.Width;
        while (Next(width) is { } row)
        {
            if (Array.Exists(row.Cells, c => c is not null))
            {
                yield return new TabularRow(Header, row.Line, row.Cells);
            }
        }
    }

    private RawRow? Next(int width)
    {
        try
        {
            return _source.ReadRow(width);
        }
        catch (Exception e) when (Refusal(FileName, e) is { } refusal)
        {
            throw refusal;
        }
    }

    // A damaged file is the uploader's to fix: its failure is refused as input, with the row where known.
    internal static InputException? Refusal(string fileName, Exception e) => e switch
    {
        DecoderFallbackException => new InputException("file",
            $"berkas {fileName} bukan teks UTF-8: simpan ulang dari Excel sebagai \"CSV UTF-8 (Comma delimited)\""),
        XmlException or InvalidDataException or OpenXmlPackageException or FileFormatException =>
            new InputException("file", $"berkas {fileName} bukan berkas XLSX yang dapat dibaca: buka di Excel lalu simpan ulang sebagai .xlsx"),
        _ => null,
    };

    private static InputException Empty(string fileName) =>
        new("file", $"berkas {fileName} kosong: baris judul (nama kolom) tidak ada");

    public void Dispose() => _source.Dispose();
}

/// <summary>A row as a file format yields it: its line and its cells, trimmed, null when empty.</summary>
internal readonly record struct RawRow(int Line, string?[] Cells);

internal interface IRowSource : IDisposable
{
    RawRow? ReadHeader();

    /// <summary>The next row, with cells at most <paramref name="width"/> wide; null at the end.</summary>
    RawRow? ReadRow(int width);
}
