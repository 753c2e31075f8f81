namespace Kinerja.Shared.Registers;

/// <summary>
/// A data row of an uploaded file. Cells are trimmed, and an empty cell reads as null, so a value read is
/// either absent or has text.
/// </summary>
public sealed class TabularRow
{
    private readonly string?[] _cells;

    internal TabularRow(TabularHeader header, int line, string?[] cells)
    {
        Header = header;
        Line = line;
        _cells = cells;
    }

    public TabularHeader Header { get; }

    /// <summary>
    /// The row number a person sees in the spreadsheet, the header being 1 in a CSV file: what an error
    /// report points at. A quoted CSV value running over several lines is one row, as Excel shows it.
    /// </summary>
    public int Line { get; }

    /// <summary>The cell of a column found once with <see cref="TabularHeader.Require"/>: no lookup per row.</summary>
    public string? Get(TabularColumn column) => this[column.Index];

    /// <summary>The cell under a header; a header the file does not have is refused with its name.</summary>
    public string? Get(string header) => Get(Header.Require(header));

    /// <summary>The cell at a 0-based column position; null beyond the row's last cell.</summary>
    public string? this[int index] => (uint)index < (uint)_cells.Length ? _cells[index] : null;
}
