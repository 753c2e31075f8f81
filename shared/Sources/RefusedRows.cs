namespace Kinerja.Shared.Sources;

/// <summary>
/// The refusals of one import, each counted: the first <see cref="Kept"/> kept for the answer and, when the caller reads
/// them all (a CSV answer, the command line), every one written to a temporary file as it comes. A file whose every row
/// is refused answers in flat memory whatever its size.
/// </summary>
public sealed class RefusedRows : IDisposable
{
    /// <summary>How many refusals an answer lists; <see cref="Count"/> says how many there were.</summary>
    public const int Kept = 1_000;

    private readonly List<RefusedRow> _first = [];
    private readonly FileStream? _file;
    private readonly BinaryWriter? _all;

    /// <param name="keepAll">Whether every refusal is to be read back with <see cref="All"/>.</param>
    public RefusedRows(bool keepAll = false)
    {
        if (keepAll)
        {
            _file = RowSpool.CreateFile();
            _all = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        }
    }

    /// <summary>Every refusal, kept or not.</summary>
    public int Count { get; private set; }

    /// <summary>The first <see cref="Kept"/> refusals, in file order.</summary>
    public IReadOnlyList<RefusedRow> First => _first;

    public void Add(RefusedRow row)
    {
        Count++;
        if (_first.Count < Kept)
        {
            _first.Add(row);
        }
        if (_all is not null)
        {
            _all.Write(row.Line);
            _all.Write(row.Field);
            _all.Write(row.Reason);
        }
    }

    /// <summary>Every refusal, in file order, read back from the temporary file; only when made with <c>keepAll</c>.</summary>
    public IEnumerable<RefusedRow> All()
    {
        if (_all is null)
        {
            throw new InvalidOperationException("Only the first refusals were kept: make RefusedRows with keepAll to read every one.");
        }
        _all.Flush();
        _file!.Position = 0;
        var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        for (var i = 0; i < Count; i++)
        {
            yield return new RefusedRow(reader.ReadInt32(), reader.ReadString(), reader.ReadString());
        }
    }

    public void Dispose() => _file?.Dispose();
}
