using Kinerja.Shared.Errors;

namespace Kinerja.Shared.Registers;

/// <summary>A column of an uploaded file, found once by its header so each row reads it by position.</summary>
public readonly record struct TabularColumn(int Index, string Name);

/// <summary>
/// The header row of an uploaded file. Names match case-insensitively and ignoring surrounding spaces;
/// a column with an empty header cannot be looked up, and a name given twice is refused.
/// </summary>
public sealed class TabularHeader
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    internal TabularHeader(int line, IReadOnlyList<string?> cells)
    {
        Line = line;
        var names = new string[cells.Count];
        var errors = new List<FieldError>();
        for (var i = 0; i < cells.Count; i++)
        {
            // A BOM that survived decoding (a file saved twice with one) would otherwise hide the first name.
            names[i] = (cells[i] ?? "").Trim().Trim('\uFEFF').Trim();
            if (names[i].Length == 0)
            {
                continue;
            }

            if (!_columns.TryAdd(names[i], i))
            {
                errors.Add(new FieldError("file",
                    $"kolom '{names[i]}' muncul lebih dari sekali pada baris judul (kolom ke-{_columns[names[i]] + 1} dan ke-{i + 1})"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        Names = names;
    }

    /// <summary>The line of the header row; 1 unless a worksheet starts lower down.</summary>
    public int Line { get; }

    /// <summary>The header names, trimmed, one per column ("" for a column without one).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The number of columns, which is how many cells a row keeps; cells further right are dropped.</summary>
    public int Width => Names.Count;

    public bool Contains(string name) => _columns.ContainsKey(name.Trim());

    /// <summary>Finds an optional column.</summary>
    public bool TryFind(string name, out TabularColumn column)
    {
        if (_columns.TryGetValue(name.Trim(), out var index))
        {
            column = new TabularColumn(index, Names[index]);
            return true;
        }

        column = default;
        return false;
    }

    /// <summary>A required column; its absence is refused with the header named.</summary>
    public TabularColumn Require(string name) => TryFind(name, out var column) ? column : RequireAll(name)[0];

    /// <summary>Required columns, in the order asked; every one missing is named in one refusal.</summary>
    public IReadOnlyList<TabularColumn> RequireAll(params IEnumerable<string> names)
    {
        var columns = new List<TabularColumn>();
        var errors = new List<FieldError>();
        foreach (var name in names)
        {
            if (TryFind(name, out var column))
            {
                columns.Add(column);
            }
            else
            {
                errors.Add(new FieldError("file", $"kolom '{name.Trim()}' tidak ada pada baris judul (baris {Line})"));
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : columns;
    }
}
