using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Modules.Cascade.Sources;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.Entry;

/// <summary>
/// Takes entries for every module: realisations, their verification, base-data stocks and targets. Each is checked
/// against the catalog, that year's tree and sources and the closed triwulan, then handed to the store of the module
/// that owns it, with its audit row, in one change; the answer is read again as any read is.
/// </summary>
internal sealed class IndicatorCommands
{
    private readonly ModuleDirectory _directory;
    private readonly Dictionary<string, IIndicatorDataStore> _stores;
    private readonly CascadeTreeStore _trees;
    private readonly QuarterClosures _closures;
    private readonly SourceSettings _sources;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;
    private readonly IndicatorReads _reads;

    public IndicatorCommands(ModuleDirectory directory, IEnumerable<IIndicatorDataStore> stores, CascadeTreeStore trees, QuarterClosures closures,
        SourceSettings sources, Access access, IAuditTrail audit, IUnitOfWork unit, IndicatorReads reads)
    {
        _directory = directory;
        _stores = stores.ToDictionary(s => s.Module, StringComparer.Ordinal);
        _trees = trees;
        _closures = closures;
        _sources = sources;
        _access = access;
        _audit = audit;
        _unit = unit;
        _reads = reads;
    }

    public async Task<IndicatorValue> RecordRealizationAsync(Caller caller, RealizationInput input, CancellationToken cancellationToken)
    {
        var code = await _unit.RunAsync(() => RecordRealizationChangeAsync(caller, input, cancellationToken), cancellationToken, ChangeReach.FiguresOnly);
        return await _reads.ValueAsync(code, input.Year, input.Quarter, false, cancellationToken);
    }

    private async Task<string> RecordRealizationChangeAsync(Caller caller, RealizationInput input, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var indicator = checks.EnabledIndicator("input.indicator", input.Indicator, _directory);
        if (indicator is not null)
        {
            _access.RequireEntry(caller, indicator.Unit, $"realisasi {indicator.Code}");
        }
        var yearOk = checks.Year("input.year", input.Year);
        if (checks.Quarter("input.quarter", input.Quarter) && yearOk)
        {
            await _closures.CheckOpenAsync(checks, "input.quarter", input.Year, input.Quarter, cancellationToken);
        }
        checks.Count("input.value", "jumlah", input.Value);
        checks.Count("input.numerator", "pembilang", input.Numerator);
        if (checks.Count("input.denominator", "penyebut", input.Denominator) && input is { Numerator: > 0, Denominator: 0 })
        {
            // 0 / 0 says nothing was there to handle and is kept (UNDEFINED); more than nothing out of nothing cannot be.
            checks.Add("input.denominator", $"penyebut tidak boleh 0 bila pembilang lebih dari 0 (pembilang {IndonesianFormat.Number(input.Numerator.Value)}); "
                + "isi penyebut yang sebenarnya, atau 0 / 0 bila tidak ada yang harus ditangani");
        }
        if (indicator is not null && yearOk)
        {
            var rule = (await _trees.TreeOfYearAsync(input.Year, cancellationToken)).Rule(indicator.Code);
            if ((await _sources.RegisterCodesAsync(input.Year, cancellationToken)).Contains(indicator.Code))
            {
                checks.Add("input.indicator", $"{indicator.Code} tahun {input.Year} dihitung dari register layanan, tidak diketik; "
                    + "ubah sumbernya dengan setSource(..., source: ENTERED) untuk mengisinya langsung");
            }
            else
            {
                CheckShape(checks, indicator, rule, input);
            }
        }
        checks.ThrowIfFailed();

        var numerator = indicator!.Kind == IndicatorKind.Count ? input.Value : input.Numerator;
        var entry = new RealizationEntry(indicator.Code, input.Year, input.Quarter, numerator, input.Denominator) { EnteredBy = caller.UserName };
        var before = await _stores[indicator.Module].SaveRealizationAsync(entry, cancellationToken);
        await _audit.RecordAsync(caller, new AuditEntry("realisasi diisi", indicator.Unit, indicator.Code, input.Year, input.Quarter,
            before is null ? null : Figure(before), Figure(entry)), cancellationToken);
        return indicator.Code;
    }

    /// <summary>Verifies (DIVERIFIKASI) or returns (DIKEMBALIKAN, with a reason) a submitted realisation.</summary>
    public async Task<IndicatorValue> ReviewRealizationAsync(Caller caller, string code, int year, int quarter, int revision, bool verified, string? reason,
        CancellationToken cancellationToken)
    {
        var reviewed = await _unit.RunAsync(() => ReviewRealizationChangeAsync(caller, code, year, quarter, revision, verified, reason, cancellationToken),
            cancellationToken, ChangeReach.FiguresOnly);
        return await _reads.ValueAsync(reviewed, year, quarter, false, cancellationToken);
    }

    private async Task<string> ReviewRealizationChangeAsync(Caller caller, string code, int year, int quarter, int revision, bool verified, string? reason,
        CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var indicator = checks.EnabledIndicator("indicator", code, _directory);
        var periodOk = checks.Year("year", year) & checks.Quarter("quarter", quarter);
        if (!verified && string.IsNullOrWhiteSpace(reason))
        {
            checks.Add("reason", "alasan pengembalian wajib diisi, agar unit tahu apa yang harus diperbaiki");
        }
        RealizationEntry? current = null;
        if (indicator is not null && periodOk)
        {
            // A closed triwulan's entries are the record its snapshot froze: their verification does not change either.
            await _closures.CheckOpenAsync(checks, "quarter", year, quarter, cancellationToken);
            current = await _stores[indicator.Module].FindRealizationAsync(indicator.Code, year, quarter, cancellationToken);
            if (current is null)
            {
                checks.Add("indicator", $"belum ada realisasi {indicator.Code} tahun {year} triwulan {quarter} yang diajukan");
            }
            else if (current.Revision != revision)
            {
                // A review is of the figure the verifikator saw: one entered again since then is another figure.
                checks.Add("revision", $"realisasi {indicator.Code} tahun {year} triwulan {quarter} telah berubah sejak dibaca (revisi {revision} dibaca, "
                    + $"sekarang revisi {current.Revision}: {IndonesianFormat.Number(current.Numerator ?? 0)}"
                    + (current.Denominator is { } d ? $" / {IndonesianFormat.Number(d)}" : "") + "); baca ulang dan periksa lagi");
            }
            else if (current.State != VerificationState.Diajukan)
            {
                checks.Add("indicator", $"realisasi {indicator.Code} tahun {year} triwulan {quarter} berstatus {current.State}, bukan DIAJUKAN");
            }
        }
        checks.ThrowIfFailed();
        _access.RequireVerification(caller, indicator!.Unit, current!.EnteredBy, $"realisasi {indicator.Code}");

        var state = verified ? VerificationState.Diverifikasi : VerificationState.Dikembalikan;
        var after = await _stores[indicator.Module].ReviewRealizationAsync(indicator.Code, year, quarter, state, caller.UserName!,
            verified ? null : reason!.Trim(), cancellationToken);
        await _audit.RecordAsync(caller, new AuditEntry(verified ? "realisasi diverifikasi" : "realisasi dikembalikan",
            indicator.Unit, indicator.Code, year, quarter, Figure(current), Figure(after)), cancellationToken);
        return indicator.Code;
    }

    private static object Figure(RealizationEntry entry) =>
        new { numerator = entry.Numerator, denominator = entry.Denominator, state = entry.State, enteredBy = entry.EnteredBy,
              reviewedBy = entry.ReviewedBy, reason = entry.ReturnReason };

    public Task<BaseMeasureEntry> RecordBaseMeasureAsync(Caller caller, BaseMeasureInput input, CancellationToken cancellationToken) =>
        _unit.RunAsync(() => RecordBaseMeasureChangeAsync(caller, input, cancellationToken), cancellationToken, ChangeReach.FiguresOnly);

    private async Task<BaseMeasureEntry> RecordBaseMeasureChangeAsync(Caller caller, BaseMeasureInput input, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var measure = _directory.FindBaseMeasure(input.Measure);
        if (measure is null)
        {
            checks.Add("input.measure", $"data dasar '{input.Measure}' tidak dikenal");
        }
        else if (!_directory.IsEnabled(measure.Module))
        {
            checks.Add("input.measure", $"data dasar '{input.Measure}' milik modul {measure.Module} yang tidak diaktifkan pada host ini");
        }
        else
        {
            _access.RequireEntry(caller, measure.OwnerUnit, $"data dasar {measure.Code}");
        }
        if (checks.Year("input.year", input.Year) & checks.Quarter("input.quarter", input.Quarter))
        {
            await _closures.CheckOpenAsync(checks, "input.quarter", input.Year, input.Quarter, cancellationToken);
            if (measure is not null && (await _sources.RegisterCodesAsync(input.Year, cancellationToken)).Contains(measure.Code))
            {
                checks.Add("input.measure", $"{measure.Code} tahun {input.Year} dihitung dari register, tidak diketik; "
                    + "ubah sumbernya dengan setSource(..., source: ENTERED) untuk mengisinya langsung");
            }
        }
        checks.Count("input.value", "data dasar", input.Value);
        checks.ThrowIfFailed();

        var entry = new BaseMeasureEntry(measure!.Code, input.Year, input.Quarter, input.Value);
        var before = await _stores[measure.Module].SaveBaseMeasureAsync(entry, cancellationToken);
        await _audit.RecordAsync(caller, new AuditEntry("data dasar diisi", measure.OwnerUnit, measure.Code, input.Year, input.Quarter,
            before is null ? null : new { value = before.Value }, new { value = entry.Value }), cancellationToken);
        return entry;
    }

    public async Task<IndicatorValue> SetTargetAsync(Caller caller, TargetInput input, CancellationToken cancellationToken)
    {
        var code = await _unit.RunAsync(() => SetTargetChangeAsync(caller, input, cancellationToken), cancellationToken, ChangeReach.FiguresOnly);
        return await _reads.ValueAsync(code, input.Year, input.Quarter, false, cancellationToken);
    }

    private async Task<string> SetTargetChangeAsync(Caller caller, TargetInput input, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var indicator = checks.EnabledIndicator("input.indicator", input.Indicator, _directory);
        if (indicator is not null)
        {
            _access.RequireEntry(caller, indicator.Unit, $"target {indicator.Code}");
        }
        if (checks.Year("input.year", input.Year) & checks.Quarter("input.quarter", input.Quarter))
        {
            // An annual target is part of the year's report, which is frozen with the fourth triwulan.
            await _closures.CheckOpenAsync(checks, input.Quarter is null ? "input.year" : "input.quarter", input.Year, input.Quarter ?? 4, cancellationToken);
        }
        checks.Amount("input.value", "target", input.Value);
        checks.ThrowIfFailed();

        var before = await _stores[indicator!.Module].SaveTargetAsync(new TargetEntry(indicator.Code, input.Year, input.Quarter, input.Value), cancellationToken);
        await _audit.RecordAsync(caller, new AuditEntry("target ditetapkan", indicator.Unit, indicator.Code, input.Year, input.Quarter,
            before is null ? null : new { value = before.Value }, new { value = input.Value }), cancellationToken);
        return indicator.Code;
    }

    // What an entry may carry follows the indicator's kind and that year's rule: only entered parts may
    // be given, and each of them must be.
    private static void CheckShape(InputChecks checks, IndicatorDefinition indicator, IndicatorRule rule, RealizationInput input)
    {
        if (!rule.IsEntered)
        {
            var parts = indicator.Kind == IndicatorKind.Count
                ? $"realisasinya {rule.Numerator.Describe()}"
                : $"pembilangnya {rule.Numerator.Describe()} dan penyebutnya {rule.Denominator!.Describe()}";
            checks.Add("input.indicator", $"{indicator.Code} tidak diisi langsung: {parts}");
            return;
        }
        if (indicator.Kind == IndicatorKind.Count)
        {
            if (input.Numerator is not null)
            {
                checks.Add("input.numerator", $"{indicator.Code} adalah indikator jumlah: isi jumlahnya saja, tanpa pembilang");
            }
            if (input.Denominator is not null)
            {
                checks.Add("input.denominator", $"{indicator.Code} adalah indikator jumlah dan tidak mempunyai penyebut");
            }
            if (input.Value is null)
            {
                checks.Add("input.value", $"jumlah wajib diisi untuk indikator jumlah {indicator.Code}");
            }
            return;
        }
        if (input.Value is not null)
        {
            checks.Add("input.value", $"{indicator.Code} adalah indikator persentase: isi pembilang dan penyebutnya, bukan satu jumlah");
        }
        CheckPart(checks, indicator, "input.numerator", "pembilang", rule.Numerator, input.Numerator);
        CheckPart(checks, indicator, "input.denominator", "penyebut", rule.Denominator!, input.Denominator);
    }

    private static void CheckPart(InputChecks checks, IndicatorDefinition indicator, string field, string name, PartRule rule, double? given)
    {
        if (rule.Source == PartSource.Input && given is null)
        {
            checks.Add(field, $"{name} {indicator.Code} wajib diisi");
        }
        else if (rule.Source != PartSource.Input && given is not null)
        {
            checks.Add(field, $"{name} {indicator.Code} {rule.Describe()}; tidak dapat diisi langsung");
        }
    }
}
