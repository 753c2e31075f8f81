using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Rollup;
using Kinerja.Modules.Cascade.Sources;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.Entry;

/// <summary>How values are asked for: for one kecamatan, and from verified entries only.</summary>
internal sealed record ValueOptions(string? Kecamatan = null, bool VerifiedOnly = false)
{
    public static readonly ValueOptions Default = new();
}

/// <summary>An entered realisation with its indicator.</summary>
internal sealed record RealizationListing(IndicatorDefinition Indicator, RealizationEntry Entry);

/// <summary>
/// Reads values through the cascade and takes entries for every module: it checks an entry against the
/// catalog and that year's tree, then hands it to the store of the module that owns it.
/// </summary>
internal sealed class IndicatorService
{
    private readonly ModuleDirectory _directory;
    private readonly Dictionary<string, IIndicatorDataStore> _stores;
    private readonly CascadeTreeStore _trees;
    private readonly AchievementRules _achievement;
    private readonly QuarterClosures _closures;
    private readonly SourceSettings _sources;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;
    private readonly YearReadings _readings;

    public IndicatorService(
        ModuleDirectory directory,
        IEnumerable<IIndicatorDataStore> stores,
        CascadeTreeStore trees,
        AchievementRules achievement,
        QuarterClosures closures,
        SourceSettings sources,
        Access access,
        IAuditTrail audit,
        IUnitOfWork unit,
        YearReadings readings)
    {
        _unit = unit;
        _readings = readings;
        _directory = directory;
        _stores = stores.ToDictionary(s => s.Module, StringComparer.Ordinal);
        _trees = trees;
        _achievement = achievement;
        _closures = closures;
        _sources = sources;
        _access = access;
        _audit = audit;
    }

    /// <summary>An evaluator of a year for the periods given (register counts are read for those only).</summary>
    public async Task<CascadeEvaluator> EvaluatorAsync(int year, IReadOnlyCollection<Period> periods, CancellationToken cancellationToken,
        ValueOptions? options = null)
    {
        options ??= ValueOptions.Default;
        var (reading, registers) = await _readings.ReadAsync(year, periods, cancellationToken);
        var polarity = reading.Polarity;
        return new CascadeEvaluator(reading.Tree, _directory, new YearFigures(year, reading.Data, reading.Readings.Of, options.VerifiedOnly), _achievement,
            code => polarity.Contains(code), registers, options.Kecamatan);
    }

    public async Task<IndicatorValue> ValueAsync(string code, int year, int? quarter, bool cumulative, CancellationToken cancellationToken,
        ValueOptions? options = null)
    {
        options ??= ValueOptions.Default;
        var checks = new InputChecks();
        if (_directory.FindIndicator(code) is null)
        {
            checks.Add("indicator", $"indikator '{code}' tidak dikenal");
        }
        var period = CheckPeriod(checks, year, quarter, cumulative);
        var place = checks.Kecamatan("kecamatan", options.Kecamatan);
        checks.ThrowIfFailed();
        var evaluator = await EvaluatorAsync(year, [period], cancellationToken, options with { Kecamatan = place });
        var value = evaluator.Evaluate(code, period);
        ThrowIfNotBreakable(evaluator, code);
        return value;
    }

    public async Task<IReadOnlyList<IndicatorValue>> IkuAsync(int year, int? quarter, bool cumulative, CancellationToken cancellationToken,
        ValueOptions? options = null)
    {
        options ??= ValueOptions.Default;
        var checks = new InputChecks();
        var period = CheckPeriod(checks, year, quarter, cumulative);
        var place = checks.Kecamatan("kecamatan", options.Kecamatan);
        checks.ThrowIfFailed();
        var evaluator = await EvaluatorAsync(year, [period], cancellationToken, options with { Kecamatan = place });
        var values = _directory.Indicators.Where(i => i.Level == IndicatorLevel.Iku).Select(i => evaluator.Evaluate(i.Code, period)).ToList();
        ThrowIfNotBreakable(evaluator, "IKU");
        return values;
    }

    // A figure typed in for the whole kabupaten has no kecamatan: a breakdown needs every part from a register.
    private static void ThrowIfNotBreakable(CascadeEvaluator evaluator, string what)
    {
        if (evaluator.Kecamatan is not null && evaluator.EnteredCodes.Count > 0)
        {
            throw new Shared.Errors.InputException("kecamatan",
                $"{what} tidak dapat dirinci per kecamatan: {string.Join(", ", evaluator.EnteredCodes)} diisi langsung, bukan dihitung dari register");
        }
    }

    public async Task<IndicatorValue> RecordRealizationAsync(Caller caller, RealizationInput input, CancellationToken cancellationToken)
    {
        var code = await _unit.RunAsync(() => RecordRealizationChangeAsync(caller, input, cancellationToken), cancellationToken, ChangeReach.FiguresOnly);
        return await ValueAsync(code, input.Year, input.Quarter, false, cancellationToken);
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
    public async Task<IndicatorValue> ReviewRealizationAsync(Caller caller, string code, int year, int quarter, bool verified, string? reason,
        CancellationToken cancellationToken)
    {
        var reviewed = await _unit.RunAsync(() => ReviewRealizationChangeAsync(caller, code, year, quarter, verified, reason, cancellationToken),
            cancellationToken, ChangeReach.FiguresOnly);
        return await ValueAsync(reviewed, year, quarter, false, cancellationToken);
    }

    private async Task<string> ReviewRealizationChangeAsync(Caller caller, string code, int year, int quarter, bool verified, string? reason,
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
            current = await _stores[indicator.Module].FindRealizationAsync(indicator.Code, year, quarter, cancellationToken);
            if (current is null)
            {
                checks.Add("indicator", $"belum ada realisasi {indicator.Code} tahun {year} triwulan {quarter} yang diajukan");
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

    /// <summary>
    /// The realisations entered in a year (one triwulan when given) for the indicators of <paramref name="unit"/> and the
    /// units below it, in catalog order: what an operator has sent and a verifikator has to review, with the return reason.
    /// </summary>
    public async Task<IReadOnlyList<RealizationListing>> RealizationsAsync(Caller caller, int year, int? quarter, string? unit, string? state,
        CancellationToken cancellationToken)
    {
        Access.RequireSignedIn(caller);
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Quarter("quarter", quarter);
        checks.Unit("unit", unit, _directory);
        if (state is not null && state is not (VerificationState.Diajukan or VerificationState.Diverifikasi or VerificationState.Dikembalikan))
        {
            checks.Add("state", $"status '{state}' tidak dikenal: DIAJUKAN, DIVERIFIKASI atau DIKEMBALIKAN");
        }
        checks.ThrowIfFailed();
        var data = await Task.WhenAll(_stores.Values.Select(s => s.LoadYearAsync(year, cancellationToken)));
        var entries = data.SelectMany(d => d.Realizations)
            .Where(r => (quarter is null || r.Quarter == quarter) && (state is null || r.State == state))
            .ToLookup(r => r.Indicator, StringComparer.Ordinal);
        return IndicatorsWithin(unit)
            .SelectMany(i => entries[i.Code].OrderBy(r => r.Quarter).Select(r => new RealizationListing(i, r)))
            .ToList();
    }

    /// <summary>The values of every indicator of <paramref name="unit"/> and the units below it, from one evaluation of the period.</summary>
    public async Task<IReadOnlyList<IndicatorValue>> ValuesAsync(int year, int? quarter, bool cumulative, string? unit, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var period = CheckPeriod(checks, year, quarter, cumulative);
        checks.Unit("unit", unit, _directory);
        checks.ThrowIfFailed();
        var evaluator = await EvaluatorAsync(year, [period], cancellationToken);
        return IndicatorsWithin(unit).Select(i => evaluator.Evaluate(i.Code, period)).ToList();
    }

    private IEnumerable<IndicatorDefinition> IndicatorsWithin(string? unit) =>
        _directory.Indicators.Where(i => unit is null || _access.IsWithin(i.Unit, unit));

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
        return await ValueAsync(code, input.Year, input.Quarter, false, cancellationToken);
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

    private static Period CheckPeriod(InputChecks checks, int year, int? quarter, bool cumulative)
    {
        var ok = checks.Year("year", year) & checks.Quarter("quarter", quarter);
        return ok ? Period.Create(year, quarter, cumulative) : default;
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
                checks.Add("input.numerator", $"{indicator.Code} adalah indikator jumlah (COUNT); isi value, bukan numerator");
            }
            if (input.Denominator is not null)
            {
                checks.Add("input.denominator", $"{indicator.Code} adalah indikator jumlah (COUNT) dan tidak mempunyai penyebut");
            }
            if (input.Value is null)
            {
                checks.Add("input.value", $"wajib diisi untuk indikator jumlah (COUNT) {indicator.Code}");
            }
            return;
        }
        if (input.Value is not null)
        {
            checks.Add("input.value", $"{indicator.Code} adalah indikator persentase; isi numerator dan denominator, bukan value");
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
