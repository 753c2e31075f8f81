using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Data;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Data;
using Kinerja.Shared.Diagnostics;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;
using Kinerja.Shared.Sources;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Rollup;

internal static class RollupTrigger
{
    public const string Schedule = "schedule";
    public const string Manual = "manual";
}

/// <summary>
/// Freezes a triwulan: computes every enabled indicator for the triwulan and through it, stores that as
/// a new revision unless it says the same as the last one, and closes the triwulan to entry.
/// </summary>
internal sealed class RollupService
{
    private readonly ModuleDirectory _directory;
    private readonly IndicatorReads _indicators;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly TimeProvider _clock;
    private readonly RollupSettings _settings;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;
    private readonly SnapshotReads _snapshots;
    private readonly KinerjaMetrics _metrics;

    public RollupService(
        ModuleDirectory directory,
        IndicatorReads indicators,
        Func<CascadeDbContext> createContext,
        TimeProvider clock,
        RollupSettings settings,
        Access access,
        IAuditTrail audit,
        IUnitOfWork unit,
        SnapshotReads snapshots,
        KinerjaMetrics metrics)
    {
        _metrics = metrics;
        _snapshots = snapshots;
        _unit = unit;
        _access = access;
        _audit = audit;
        _directory = directory;
        _indicators = indicators;
        _createContext = createContext;
        _clock = clock;
        _settings = settings;
    }

    public RollupSettings Settings => _settings;

    /// <summary>A rollup asked for by a person (GraphQL) or the command line: admins only.</summary>
    public Task<Snapshot> RunAsync(Caller caller, int year, int quarter, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "menjalankan rollup");
        var checks = new InputChecks();
        if (checks.Year("year", year) & checks.Quarter("quarter", quarter))
        {
            // A triwulan still running has figures still to come: closing it would freeze them half entered.
            var end = _settings.EndOf(year, quarter);
            if (_clock.GetUtcNow() < end)
            {
                checks.Add("quarter", $"triwulan {IndonesianFormat.Roman(quarter)} {year} belum berakhir (berakhir "
                    + $"{IndonesianFormat.Date(DateOnly.FromDateTime(end.DateTime).AddDays(-1))}); rollup hanya untuk triwulan yang sudah berakhir");
            }
        }
        checks.ThrowIfFailed();
        return MeasuredAsync(RollupTrigger.Manual,
            () => _unit.RunAsync(() => FreezeAsync(caller, year, quarter, RollupTrigger.Manual, cancellationToken), cancellationToken));
    }

    /// <summary>
    /// The scheduled rollup of a triwulan that has none yet; null when it has one (a firing seen twice, a
    /// triwulan rolled up on demand or reopened by an admin): the schedule leaves those as they are.
    /// </summary>
    public Task<Snapshot?> RunScheduledAsync(int year, int quarter, CancellationToken cancellationToken) => MeasuredAsync(RollupTrigger.Schedule, () =>
        _unit.RunAsync(async () =>
        {
            await using (var db = _createContext())
            {
                if (await db.Snapshots.AnyAsync(s => s.Year == year && s.Quarter == quarter, cancellationToken))
                {
                    return null;
                }
            }
            return (Snapshot?)await FreezeAsync(Caller.Scheduler, year, quarter, RollupTrigger.Schedule, cancellationToken);
        }, cancellationToken));

    /// <summary>A rollup counted once its change committed (or failed), timed with its wait for the writer's turn.</summary>
    private async Task<T> MeasuredAsync<T>(string trigger, Func<Task<T>> run) where T : class?
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var snapshot = await run();
            outcome = snapshot is null ? "skipped" : "done";
            return snapshot;
        }
        finally
        {
            _metrics.RollupRan(trigger, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    // Runs inside the change that closes the triwulan: no entry can land between the figures read here and
    // the closing, so an entry racing the rollup is in the snapshot or refused as closed.
    private async Task<Snapshot> FreezeAsync(Caller caller, int year, int quarter, string trigger, CancellationToken cancellationToken)
    {
        Period[] periods = [Period.OfQuarter(year, quarter), Period.ThroughQuarter(year, quarter)];
        var evaluator = await _indicators.EvaluatorAsync(year, periods, cancellationToken);
        var values = periods
            .SelectMany(period => _directory.Indicators.Select(i => ToRecord(evaluator.Evaluate(i.Code, period))))
            .ToList();
        var fingerprint = Fingerprint(values);
        var now = _settings.Local(_clock.GetUtcNow());

        await using var db = _createContext();
        var latest = await db.Snapshots.AsNoTracking()
            .Where(s => s.Year == year && s.Quarter == quarter)
            .OrderByDescending(s => s.Revision)
            .FirstOrDefaultAsync(cancellationToken);

        SnapshotRecord snapshot;
        if (latest is not null && latest.Fingerprint == fingerprint)
        {
            snapshot = await db.Snapshots.AsNoTracking().Include(s => s.Values).SingleAsync(s => s.Id == latest.Id, cancellationToken);
        }
        else
        {
            snapshot = new SnapshotRecord
            {
                Year = year, Quarter = quarter, Revision = (latest?.Revision ?? 0) + 1,
                CreatedAt = now, Trigger = trigger, Fingerprint = fingerprint, Values = values,
            };
            db.Snapshots.Add(snapshot);
        }
        await CloseAsync(db, year, quarter, snapshot.Revision, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(caller, new AuditEntry("rollup dijalankan", null, null, year, quarter, null,
            new { snapshot.Revision, createdAt = _settings.Local(snapshot.CreatedAt), trigger }), cancellationToken);
        return _snapshots.ToSnapshot(snapshot);
    }

    private static async Task CloseAsync(CascadeDbContext db, int year, int quarter, int revision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        SettledReads.Changing();
        var closure = await db.QuarterClosures.SingleOrDefaultAsync(c => c.Year == year && c.Quarter == quarter, cancellationToken);
        if (closure is null)
        {
            db.QuarterClosures.Add(new QuarterClosureRecord { Year = year, Quarter = quarter, Closed = true, ChangedAt = now, Revision = revision });
        }
        else if (!closure.Closed || closure.Revision != revision)
        {
            closure.Closed = true;
            closure.ChangedAt = now;
            closure.Revision = revision;
        }
    }

    private static SnapshotValueRecord ToRecord(IndicatorValue value) => new()
    {
        Indicator = value.Indicator.Code,
        Cumulative = value.Period.Cumulative,
        Numerator = value.Numerator,
        Denominator = value.Denominator,
        Value = value.Value,
        Target = value.Target,
        TargetWarning = value.TargetWarning,
        Achievement = value.Achievement,
        Predicate = value.Predicate,
        Status = value.Status.ToString(),
        NumeratorRule = value.Rule.Numerator.ToString(),
        DenominatorRule = value.Rule.Denominator?.ToString(),
        Source = value.Source?.ToString(),
        DenominatorSource = value.DenominatorSource?.ToString(),
    };

    private static string Fingerprint(IEnumerable<SnapshotValueRecord> values)
    {
        var text = new StringBuilder();
        foreach (var v in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{v.Indicator}|{v.Cumulative}|{v.Numerator:R}|{v.Denominator:R}|{v.Value:R}|{v.Target:R}|")
                .Append(CultureInfo.InvariantCulture, $"{v.Achievement:R}|{v.Predicate}|{v.Status}|{v.NumeratorRule}|{v.DenominatorRule}|{v.Source}|{v.DenominatorSource}");
            // Appended only when there is one, so that revisions made before warnings existed still compare equal.
            if (v.TargetWarning is { } warning)
            {
                text.Append('|').Append(warning);
            }
            text.Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
