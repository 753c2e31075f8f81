using Kinerja.Modules.Cascade.Data;
using Kinerja.Modules.Cascade.Checks;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Data;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Closures;

/// <summary>Where a triwulan stands: closed to entry since a rollup (which revision), or open.</summary>
internal sealed record QuarterState(int Year, int Quarter, bool Closed, DateTimeOffset? ChangedAt, int? Revision);

/// <summary>
/// Which triwulan are closed to entry. A rollup closes one; only an explicit reopening opens it. The kernel reads them
/// through <see cref="IClosedQuarters"/> (a register import counts its rows in closed triwulan).
/// </summary>
internal sealed class QuarterClosures : IClosedQuarters
{
    private readonly Func<CascadeDbContext> _createContext;
    private readonly TimeProvider _clock;
    private readonly RollupSettings _settings;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;
    private readonly SettledReads _settled;

    public QuarterClosures(Func<CascadeDbContext> createContext, TimeProvider clock, RollupSettings settings, Access access, IAuditTrail audit,
        IUnitOfWork unit, SettledReads settled)
    {
        _settled = settled;
        _unit = unit;
        _access = access;
        _audit = audit;
        _createContext = createContext;
        _clock = clock;
        _settings = settings;
    }

    public Task<QuarterState> StateAsync(int year, int quarter, CancellationToken cancellationToken) =>
        _settled.ReadAsync($"closure/{year}/{quarter}", () => ReadStateAsync(year, quarter, cancellationToken));

    private async Task<QuarterState> ReadStateAsync(int year, int quarter, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var closure = await db.QuarterClosures.AsNoTracking().SingleOrDefaultAsync(c => c.Year == year && c.Quarter == quarter, cancellationToken);
        return closure is null
            ? new QuarterState(year, quarter, false, null, null)
            : new QuarterState(year, quarter, closure.Closed, _settings.Local(closure.ChangedAt), closure.Revision);
    }

    /// <summary>The four triwulan of a year.</summary>
    public async Task<IReadOnlyList<QuarterState>> YearAsync(int year, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.ThrowIfFailed();
        var states = new List<QuarterState>();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            states.Add(await StateAsync(year, quarter, cancellationToken));
        }
        return states;
    }

    /// <summary>The closed triwulan of a year, each with the snapshot revision that closed it.</summary>
    public async Task<IReadOnlyDictionary<int, int>> ClosedRevisionsAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.QuarterClosures.AsNoTracking().Where(c => c.Year == year && c.Closed)
            .ToDictionaryAsync(c => c.Quarter, c => c.Revision, cancellationToken);
    }

    /// <summary>Every closed triwulan of every year; on the change's connection when called in one, so a rollup's closing is seen at once.</summary>
    public async Task<IReadOnlyList<(int Year, int Quarter)>> ClosedAsync(CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var closed = await db.QuarterClosures.AsNoTracking().Where(c => c.Closed).OrderBy(c => c.Year).ThenBy(c => c.Quarter)
            .Select(c => new { c.Year, c.Quarter }).ToListAsync(cancellationToken);
        return closed.Select(c => (c.Year, c.Quarter)).ToList();
    }

    /// <summary>Adds an error to <paramref name="checks"/> when the triwulan is closed, saying since when.</summary>
    public async Task CheckOpenAsync(InputChecks checks, string field, int year, int quarter, CancellationToken cancellationToken)
    {
        var state = await StateAsync(year, quarter, cancellationToken);
        if (state.Closed)
        {
            checks.Add(field, $"triwulan {IndonesianFormat.Roman(quarter)} tahun {year} sudah ditutup sejak {IndonesianFormat.DateTime(state.ChangedAt!.Value)} "
                + $"(rollup revisi {state.Revision}); buka kembali triwulan itu (Admin, reopenQuarter) sebelum mengubah angkanya");
        }
    }

    /// <summary>
    /// Adds an error to <paramref name="checks"/> when a triwulan of the year is closed: the year's tree is
    /// what its snapshots were computed with, so it changes only when none is closed.
    /// </summary>
    public async Task CheckYearOpenAsync(InputChecks checks, string field, int year, string what, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var closed = await db.QuarterClosures.AsNoTracking().Where(c => c.Year == year && c.Closed).OrderBy(c => c.Quarter)
            .ToListAsync(cancellationToken);
        if (closed.Count > 0)
        {
            var names = string.Join(", ", closed.Select(c =>
                $"triwulan {IndonesianFormat.Roman(c.Quarter)} (ditutup sejak {IndonesianFormat.DateTime(_settings.Local(c.ChangedAt))}, rollup revisi {c.Revision})"));
            checks.Add(field, $"{what} tahun {year} tidak dapat diubah selama ada triwulan yang ditutup: {names}; "
                + "buka kembali (Admin, reopenQuarter), ubah, lalu jalankan rollup lagi");
        }
    }

    /// <summary>Opens a closed triwulan to entry again. Its snapshots stay as they were.</summary>
    public Task<QuarterState> ReopenAsync(Caller caller, int year, int quarter, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "membuka kembali triwulan");
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Quarter("quarter", quarter);
        checks.ThrowIfFailed();
        return _unit.RunAsync(() => ReopenChangeAsync(caller, year, quarter, cancellationToken), cancellationToken);
    }

    private async Task<QuarterState> ReopenChangeAsync(Caller caller, int year, int quarter, CancellationToken cancellationToken)
    {
        SettledReads.Changing();
        await using var db = _createContext();
        var closure = await db.QuarterClosures.SingleOrDefaultAsync(c => c.Year == year && c.Quarter == quarter, cancellationToken);
        if (closure is not { Closed: true })
        {
            throw new InputException("quarter", $"triwulan {quarter} tahun {year} tidak sedang ditutup");
        }
        closure.Closed = false;
        closure.ChangedAt = _settings.Local(_clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(caller, new AuditEntry("triwulan dibuka kembali", null, null, year, quarter,
            new { closed = true, revision = closure.Revision }, new { closed = false }), cancellationToken);
        return new QuarterState(year, quarter, false, closure.ChangedAt, closure.Revision);
    }
}
