using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.Reading;

/// <summary>How values are asked for: for one kecamatan, and from verified entries only.</summary>
internal sealed record ValueOptions(string? Kecamatan = null, bool VerifiedOnly = false)
{
    public static readonly ValueOptions Default = new();
}

/// <summary>An entered realisation with its indicator.</summary>
internal sealed record RealizationListing(IndicatorDefinition Indicator, RealizationEntry Entry);

/// <summary>Reads values through the cascade, for every enabled module, and the realisations the units entered.</summary>
internal sealed class IndicatorReads
{
    private readonly ModuleDirectory _directory;
    private readonly IReadOnlyList<IIndicatorDataStore> _stores;
    private readonly AchievementRules _achievement;
    private readonly Access _access;
    private readonly YearReadings _readings;
    private readonly SnapshotReads _snapshots;
    private readonly RollupSettings _settings;

    public IndicatorReads(ModuleDirectory directory, IEnumerable<IIndicatorDataStore> stores, AchievementRules achievement, Access access,
        YearReadings readings, SnapshotReads snapshots, RollupSettings settings)
    {
        _snapshots = snapshots;
        _settings = settings;
        _directory = directory;
        _stores = stores.ToList();
        _achievement = achievement;
        _access = access;
        _readings = readings;
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
        var period = checks.PeriodOf(year, quarter, cumulative);
        var place = checks.Kecamatan("kecamatan", options.Kecamatan);
        checks.ThrowIfFailed();
        if (options == ValueOptions.Default && await FrozenAsync(period, cancellationToken) is { } frozen)
        {
            return frozen.Values[code];
        }
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
        var period = checks.PeriodOf(year, quarter, cumulative);
        var place = checks.Kecamatan("kecamatan", options.Kecamatan);
        checks.ThrowIfFailed();
        if (options == ValueOptions.Default && await FrozenAsync(period, cancellationToken) is { } frozen)
        {
            return _directory.Indicators.Where(i => i.Level == IndicatorLevel.Iku).Select(i => frozen.Values[i.Code]).ToList();
        }
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

    /// <summary>The values of every indicator of <paramref name="unit"/> and the units below it, from one evaluation of the period.</summary>
    public async Task<IReadOnlyList<IndicatorValue>> ValuesAsync(int year, int? quarter, bool cumulative, string? unit, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var period = checks.PeriodOf(year, quarter, cumulative);
        checks.Unit("unit", unit, _directory);
        checks.ThrowIfFailed();
        if (await FrozenAsync(period, cancellationToken) is { } frozen)
        {
            return IndicatorsWithin(unit).Select(i => frozen.Values[i.Code]).ToList();
        }
        var evaluator = await EvaluatorAsync(year, [period], cancellationToken);
        return IndicatorsWithin(unit).Select(i => evaluator.Evaluate(i.Code, period)).ToList();
    }

    /// <summary>
    /// The figures of a period that ends in a closed triwulan (the year: in the fourth), as the snapshot that closed it
    /// froze them; null while that triwulan is open. A closed triwulan's entries cannot be reviewed, so where they
    /// stand is read as it is now. Views the snapshot does not hold (a kecamatan, verified entries only) are counted live.
    /// </summary>
    public async Task<FrozenValues?> FrozenAsync(Period period, CancellationToken cancellationToken)
    {
        var reading = await _readings.YearAsync(period.Year, cancellationToken);
        if (!reading.Closed.TryGetValue(period.LastQuarter, out var revision)
            || await reading.FrozenAsync(period.LastQuarter, () => _snapshots.RecordAsync(period.Year, period.LastQuarter, revision, CancellationToken.None))
                is not { } record)
        {
            return null;
        }
        var figures = new YearFigures(period.Year, reading.Data, reading.Readings.Of);
        var done = new Dictionary<IndicatorValue, IndicatorValue>(ReferenceEqualityComparer.Instance);

        IndicatorValue Frozen(IndicatorValue value)
        {
            if (!done.TryGetValue(value, out var frozen))
            {
                var verification = value.Rule.IsEntered && (value.Source ?? value.DenominatorSource) == ValueSource.Entered ? figures.VerificationOf(value.Indicator.Code, period) : null;
                done[value] = frozen = value with
                {
                    Contributions = value.Contributions.Select(Frozen).ToList(),
                    Verification = verification,
                    SnapshotRevision = value.Status == ValueStatus.ModuleDisabled ? null : revision,
                };
            }
            return frozen;
        }

        var values = _snapshots.Build(record, period.Cumulative, period).ToDictionary(p => p.Key, p => Frozen(p.Value), StringComparer.Ordinal);
        return new FrozenValues(period.LastQuarter, revision, _settings.Local(record.CreatedAt), values);
    }

    /// <summary>
    /// The realisations entered in a year (one triwulan when given) for the indicators of <paramref name="unit"/> and the
    /// units below it, in catalog order: what an operator has sent and a verifikator has to review, with the return reason.
    /// </summary>
    public async Task<IReadOnlyList<RealizationListing>> RealizationsAsync(Caller caller, int year, int? quarter, string? unit, string? state,
        CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Quarter("quarter", quarter);
        checks.Unit("unit", unit, _directory);
        if (state is not null && state is not (VerificationState.Diajukan or VerificationState.Diverifikasi or VerificationState.Dikembalikan))
        {
            checks.Add("state", $"status '{state}' tidak dikenal: DIAJUKAN, DIVERIFIKASI atau DIKEMBALIKAN");
        }
        checks.ThrowIfFailed();
        // Entries (and who entered them) are a unit's own: read by its unit and those above it, pimpinan and admins.
        unit = _access.ReadScope(caller, unit, "realisasi");
        var data = await Task.WhenAll(_stores.Select(s => s.LoadYearAsync(year, cancellationToken)));
        var entries = data.SelectMany(d => d.Realizations)
            .Where(r => (quarter is null || r.Quarter == quarter) && (state is null || r.State == state))
            .ToLookup(r => r.Indicator, StringComparer.Ordinal);
        return IndicatorsWithin(unit)
            .SelectMany(i => entries[i.Code].OrderBy(r => r.Quarter).Select(r => new RealizationListing(i, r)))
            .ToList();
    }

    private IEnumerable<IndicatorDefinition> IndicatorsWithin(string? unit) =>
        _directory.Indicators.Where(i => unit is null || _access.IsWithin(i.Unit, unit));
}
