using Kinerja.Shared.Catalog;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;

namespace Kinerja.Modules.Cascade.Checks;

/// <summary>Collects what is wrong with a request, field by field, before anything is stored.</summary>
internal sealed class InputChecks
{
    private readonly List<FieldError> _errors = [];

    public bool Failed => _errors.Count > 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    public void Add(string field, string reason) => _errors.Add(new FieldError(field, reason));

    public void Add(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

    public void ThrowIfFailed()
    {
        if (Failed)
        {
            throw new InputException(_errors);
        }
    }

    public bool Year(string field, int year)
    {
        if (year is < Period.FirstYear or > Period.LastYear)
        {
            Add(field, $"tahun harus antara {Period.FirstYear} dan {Period.LastYear} (diterima {year})");
            return false;
        }
        return true;
    }

    /// <summary>The period asked for by <c>year</c>, <c>quarter</c> and <c>cumulative</c>; default when either is refused.</summary>
    public Period PeriodOf(int year, int? quarter, bool cumulative)
    {
        var ok = Year("year", year) & Quarter("quarter", quarter);
        return ok ? Period.Create(year, quarter, cumulative) : default;
    }

    public bool Quarter(string field, int? quarter)
    {
        if (quarter is < 1 or > 4)
        {
            Add(field, $"triwulan harus 1 sampai 4 (diterima {quarter})");
            return false;
        }
        return true;
    }

    /// <summary>The largest figure taken: far above any count or rupiah amount of a kabupaten, far below where sums lose digits.</summary>
    public const double MaxAmount = 1e12;

    /// <summary>A figure named <paramref name="what"/> in words: finite, not negative, at most <see cref="MaxAmount"/>.</summary>
    public bool Amount(string field, string what, double? amount)
    {
        if (amount is not { } a)
        {
            return true;
        }
        var problem = !double.IsFinite(a) ? $"{what} harus angka terhingga"
            : a < 0 ? $"{what} tidak boleh negatif (diterima {IndonesianFormat.Number(a)})"
            : a > MaxAmount ? $"{what} paling besar {IndonesianFormat.Number(MaxAmount)}"
            : null;
        if (problem is not null)
        {
            Add(field, problem);
            return false;
        }
        return true;
    }

    /// <summary>A number of persons, documents, institutions: an <see cref="Amount"/> that is a whole number.</summary>
    public bool Count(string field, string what, double? amount)
    {
        if (!Amount(field, what, amount))
        {
            return false;
        }
        if (amount is { } a && a != Math.Floor(a))
        {
            Add(field, $"{what} adalah banyaknya dan harus bilangan bulat, tanpa pecahan (diterima {IndonesianFormat.Number(a)})");
            return false;
        }
        return true;
    }

    /// <summary>A date written YYYY-MM-DD; null when it is not one (the reason added).</summary>
    public DateOnly? Date(string field, string? text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }
        Add(field, $"tanggal ditulis TTTT-BB-HH, misalnya 2026-01-05 (diterima '{text}')");
        return null;
    }

    /// <summary>A line of text: trimmed, not empty, at most <paramref name="max"/> characters; null when refused.</summary>
    public string? Text(string field, string what, string? text, int max)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, $"{what} wajib diisi");
            return null;
        }
        if (trimmed.Length > max)
        {
            Add(field, $"{what} paling banyak {max} karakter (diterima {trimmed.Length})");
            return null;
        }
        // The gateway refuses them in a request; a file read on the server (a workbook) is checked here.
        if (ControlText.FirstRefused(trimmed) is { } control)
        {
            Add(field, $"{what} memuat karakter kendali U+{(int)control:X4} yang tidak tampak; hapus karakter itu");
            return null;
        }
        return trimmed;
    }

    /// <summary>One of Gresik's 18 kecamatan, as the catalog spells it; null when none is asked or it is unknown.</summary>
    public string? Kecamatan(string field, string? kecamatan)
    {
        if (kecamatan is null)
        {
            return null;
        }
        if (Shared.Registers.Kecamatan.TryNormalize(kecamatan, out var canonical))
        {
            return canonical;
        }
        Add(field, Shared.Registers.Kecamatan.RefusalReason(kecamatan));
        return null;
    }

    /// <summary>A unit of this host's modules, when one is asked for.</summary>
    public void Unit(string field, string? unit, ModuleDirectory directory)
    {
        if (unit is not null && directory.FindEnabledUnit(unit) is null)
        {
            Add(field, $"unit '{unit}' tidak dikenal");
        }
    }

    /// <summary>An indicator that this host serves; a disabled module's indicators are refused as such.</summary>
    public IndicatorDefinition? EnabledIndicator(string field, string code, ModuleDirectory directory)
    {
        var indicator = directory.FindIndicator(code);
        if (indicator is null)
        {
            Add(field, $"indikator '{code}' tidak dikenal");
            return null;
        }
        if (!directory.IsEnabled(indicator.Module))
        {
            Add(field, $"indikator '{code}' milik modul {indicator.Module} yang tidak diaktifkan pada host ini");
            return null;
        }
        return indicator;
    }
}
