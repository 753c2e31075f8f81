using Kinerja.Shared.Formatting;
using Kinerja.Shared.Registers;

namespace Kinerja.Shared.Sources;

/// <summary>
/// Refuses the cells of a register's columns that hold a control character other than tab and line breaks (a NUL
/// byte, an escape): invisible on screen, it breaks the reports made from the register, and PostgreSQL cannot store a NUL.
/// </summary>
public sealed class ControlCharacters(IReadOnlyList<string> headers)
{
    private TabularHeader? _header;
    private (string Header, TabularColumn Column)[] _columns = [];

    /// <summary>Adds a refusal for each such cell of the row; true when there is none.</summary>
    public bool Check(TabularRow row, List<RefusedRow> refused)
    {
        // Every row of a file shares its header: the columns are found once.
        if (!ReferenceEquals(row.Header, _header))
        {
            _header = row.Header;
            _columns = [.. headers.Select(h => (h, Found: row.Header.TryFind(h, out var column), column)).Where(c => c.Found).Select(c => (c.h, c.column))];
        }
        var clean = true;
        foreach (var (header, column) in _columns)
        {
            if (row.Get(column) is { } text && ControlText.FirstRefused(text) is { } control)
            {
                refused.Add(new RefusedRow(row.Line, header,
                    $"{header} memuat karakter kendali U+{(int)control:X4} yang tidak tampak; hapus karakter itu dari sel lalu unggah ulang"));
                clean = false;
            }
        }
        return clean;
    }
}

/// <summary>Reads the cells of one imported row, adding a refusal with line, header and reason for each bad one.</summary>
public sealed class RowChecks
{
    private readonly TabularRow _row;
    private readonly List<RefusedRow> _refused;

    public RowChecks(TabularRow row, List<RefusedRow> refused)
    {
        _row = row;
        _refused = refused;
    }

    public void Refuse(string header, string reason) => _refused.Add(new RefusedRow(_row.Line, header, reason));

    public string? Required(string header)
    {
        var value = _row.Get(header);
        if (value is null)
        {
            Refuse(header, $"{header} wajib diisi");
        }
        return value;
    }

    public DateOnly? Date(string header, bool required)
    {
        var text = _row.Get(header);
        if (text is null && !required)
        {
            return null;
        }
        if (RegisterValues.TryDate(text, out var date, out var reason))
        {
            return date;
        }
        Refuse(header, reason);
        return null;
    }

    public char? Sex(string header)
    {
        if (RegisterValues.TrySex(_row.Get(header), out var sex, out var reason))
        {
            return sex;
        }
        Refuse(header, reason);
        return null;
    }

    public string? Kecamatan(string header)
    {
        var text = _row.Get(header);
        if (Registers.Kecamatan.TryNormalize(text, out var canonical))
        {
            return canonical;
        }
        Refuse(header, Registers.Kecamatan.RefusalReason(text));
        return null;
    }

    public int? PmksCategory(string header)
    {
        var text = _row.Get(header);
        if (PmksCategories.TryFind(text, out var category))
        {
            return category.Number;
        }
        Refuse(header, PmksCategories.RefusalReason(text));
        return null;
    }

    public int? PsksCategory(string header)
    {
        var text = _row.Get(header);
        if (PsksCategories.TryFind(text, out var category))
        {
            return category.Number;
        }
        Refuse(header, PsksCategories.RefusalReason(text));
        return null;
    }

    /// <summary>A person's NIK against their sex and date of birth.</summary>
    public void Nik(string header, string nik, char sex, DateOnly birthDate)
    {
        foreach (var error in Registers.Nik.Check(nik, sex, birthDate, header))
        {
            Refuse(header, error.Reason);
        }
    }

    /// <summary>A NIK on its own, where the row has no sex or date of birth to check it against.</summary>
    public bool NikStructure(string header, string nik)
    {
        var errors = Registers.Nik.CheckStructure(nik, header);
        foreach (var error in errors)
        {
            Refuse(header, error.Reason);
        }
        return errors.Count == 0;
    }

    /// <summary>Two dates that must not run backwards (born before a category began, begun before it ended).</summary>
    public void InOrder(string earlierHeader, DateOnly? earlier, string laterHeader, DateOnly? later)
    {
        if (earlier is { } a && later is { } b && b < a)
        {
            Refuse(laterHeader, $"{laterHeader} ({b:yyyy-MM-dd}) tidak boleh sebelum {earlierHeader} ({a:yyyy-MM-dd})");
        }
    }
}
