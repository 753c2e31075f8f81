namespace Kinerja.Shared.Sources;

/// <summary>
/// The checked rows of an import, on disk from the check to the writer's turn: a file is read and checked while no
/// change waits for it, and the turn is then held only to write, in flat memory whatever the file's size. The file
/// is a temporary one, deleted when the spool is disposed.
/// </summary>
public sealed class RowSpool<TRow> : IDisposable
{
    private readonly FileStream _file = RowSpool.CreateFile();
    private readonly BinaryWriter _writer;
    private readonly Action<BinaryWriter, TRow> _write;
    private readonly Func<BinaryReader, TRow> _read;

    /// <param name="write">Writes a row's values, in an order <paramref name="read"/> reads them back.</param>
    public RowSpool(Action<BinaryWriter, TRow> write, Func<BinaryReader, TRow> read)
    {
        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        _write = write;
        _read = read;
    }

    public int Count { get; private set; }

    public void Add(TRow row)
    {
        _write(_writer, row);
        Count++;
    }

    /// <summary>The rows in the order they were added.</summary>
    public IEnumerable<TRow> Rows()
    {
        _writer.Flush();
        _file.Position = 0;
        var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        for (var i = 0; i < Count; i++)
        {
            yield return _read(reader);
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>The temporary files of an import, and how the values of a row are written to them.</summary>
public static class RowSpool
{
    /// <summary>A temporary file, deleted when it is closed, read and written in large blocks.</summary>
    public static FileStream CreateFile() => new(Path.Combine(Path.GetTempPath(), $"kinerja-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
        FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.SequentialScan);

    public static void Write(this BinaryWriter writer, DateOnly date) => writer.Write(date.DayNumber);

    public static DateOnly ReadDate(this BinaryReader reader) => DateOnly.FromDayNumber(reader.ReadInt32());

    public static void WriteOptional(this BinaryWriter writer, DateOnly? date) => writer.Write(date?.DayNumber ?? -1);

    public static DateOnly? ReadOptionalDate(this BinaryReader reader) => reader.ReadInt32() is >= 0 and var day ? DateOnly.FromDayNumber(day) : null;

    public static void WriteOptional(this BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    public static string? ReadOptionalString(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
