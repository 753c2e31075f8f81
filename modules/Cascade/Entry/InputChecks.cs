using Kinerja.Shared.Catalog;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;

namespace Kinerja.Modules.Cascade.Entry;

/// <summary>Collects what is wrong with a request, field by field, before anything is stored.</summary>
internal sealed class InputChecks
{
    private readonly List<FieldError> _errors = [];

    public bool Failed => _errors.Count > 0;

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

    public bool Quarter(string field, int? quarter)
    {
        if (quarter is < 1 or > 4)
        {
            Add(field, $"triwulan harus 1 sampai 4 (diterima {quarter})");
            return false;
        }
        return true;
    }

    public void Amount(string field, double? amount)
    {
        if (amount is { } a && (!double.IsFinite(a) || a < 0))
        {
            Add(field, $"angka harus terhingga dan tidak negatif (diterima {a.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
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
