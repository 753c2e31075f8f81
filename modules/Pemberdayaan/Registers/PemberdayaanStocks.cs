using System.Collections.Concurrent;
using System.Data.Common;
using Kinerja.Modules.Pemberdayaan.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Registers;
using Kinerja.Shared.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Kinerja.Modules.Pemberdayaan.Registers;

/// <summary>
/// The base-data stocks counted from the PMKS and PSKS registers at a date: distinct persons by NIK (one
/// person in two categories counts once), active institutions. All stocks of a date are counted together,
/// the persons in one pass, and kept in memory and in the database under the registers' version (an
/// import raises it, in whichever process it runs): a register of a million persons takes a second or
/// more to count, and a restarted host whose registers did not change reads the kept counts instead.
/// </summary>
internal sealed class PemberdayaanStocks : IStockCounter
{
    private readonly Func<PemberdayaanDbContext> _createContext;
    private readonly ILogger<PemberdayaanStocks> _log;

    // One counting per (version, date), however many requests ask for its stocks at once.
    private readonly ConcurrentDictionary<(long Version, DateOnly At), Lazy<Task<IReadOnlyDictionary<string, RegisterCount>>>> _counted = new();

    public PemberdayaanStocks(Func<PemberdayaanDbContext> createContext, ILogger<PemberdayaanStocks> log)
    {
        _createContext = createContext;
        _log = log;
    }

    public string Module => PemberdayaanModule.ModuleName;

    /// <summary>Each person stock and the PMKS categories it counts (none: every category): Jumlah PMKS, then a stock per group.</summary>
    private static readonly (string Measure, IReadOnlyList<PmksCategory>? Categories)[] PersonStocks =
        [("pmks.total", null), .. PmksCategories.Groups.Select(g => ($"{g.Code}.total", (IReadOnlyList<PmksCategory>?)g))];

    public const string LksTotal = "lks.total";
    public const string PantiAsuhanTotal = "panti_asuhan.total";

    public IReadOnlyCollection<string> Measures { get; } = [.. PersonStocks.Select(s => s.Measure), LksTotal, PantiAsuhanTotal];

    public async Task<RegisterCount> CountStockAsync(string measure, DateOnly at, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(cancellationToken);
        if (WriteScope.Current is not null)
        {
            // Counted on the change's own connection: not shared with requests outside it, and not left
            // running on that connection after the change has moved on.
            return (await StocksAtAsync(version, at))[measure];
        }
        foreach (var stale in _counted.Keys.Where(k => k.Version != version))
        {
            _counted.TryRemove(stale, out _);
        }
        var key = (version, at);
        var counting = _counted.GetOrAdd(key, k => new Lazy<Task<IReadOnlyDictionary<string, RegisterCount>>>(() => StocksAtAsync(k.Version, k.At)));
        try
        {
            // Shared by every request that asks meanwhile, so one request's cancellation must not end it.
            return (await counting.Value.WaitAsync(cancellationToken))[measure];
        }
        catch (Exception) when (counting.Value.IsFaulted)
        {
            _counted.TryRemove(new KeyValuePair<(long, DateOnly), Lazy<Task<IReadOnlyDictionary<string, RegisterCount>>>>(key, counting));
            throw;
        }
    }

    private async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.RegisterVersion.AsNoTracking()
            .Where(v => v.Id == RegisterVersionRecord.SingleRow)
            .Select(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Raises the registers' version inside an import's transaction.</summary>
    public static async Task RaiseVersionAsync(PemberdayaanDbContext db, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO {db.Table<RegisterVersionRecord>()} AS v ("Id", "Version") VALUES ({RegisterVersionRecord.SingleRow}, 1)
            ON CONFLICT ("Id") DO UPDATE SET "Version" = v."Version" + 1
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every stock at a date: the kept counts of the version, or counted now and kept.</summary>
    private async Task<IReadOnlyDictionary<string, RegisterCount>> StocksAtAsync(long version, DateOnly at)
    {
        await using var db = _createContext();
        var kept = await db.StockCounts.AsNoTracking().Where(c => c.Version == version && c.At == at).ToListAsync();
        if (kept.Count > 0)
        {
            return Read(kept);
        }

        var counted = new List<StockCountRecord>();
        await db.Database.OpenConnectionAsync();
        // One read transaction: the version and the counts are of the same state of the registers. Inside a
        // change (a rollup) that is the change's own transaction: the context is already enlisted in it.
        await using (var read = WriteScope.Current is null ? await db.Database.BeginTransactionAsync() : null)
        {
            version = await db.RegisterVersion.AsNoTracking()
                .Where(v => v.Id == RegisterVersionRecord.SingleRow).Select(v => v.Version).FirstOrDefaultAsync();
            var connection = db.Database.GetDbConnection();
            var transaction = read?.GetDbTransaction() ?? db.RequireTransaction();
            await CountPersonsAsync(db, connection, transaction, version, at, counted);
            await CountInstitutionsAsync(db, connection, transaction, version, at, counted);
            if (read is not null)
            {
                await read.CommitAsync();
            }
        }
        await KeepAsync(db, version, counted);
        return Read(counted);
    }

    private static IReadOnlyDictionary<string, RegisterCount> Read(List<StockCountRecord> rows)
    {
        var all = new[] { LksTotal, PantiAsuhanTotal }.Concat(PersonStocks.Select(s => s.Measure));
        return all.ToDictionary(m => m, m =>
        {
            var ofMeasure = rows.Where(r => r.Measure == m).ToList();
            var byKecamatan = ofMeasure.Where(r => r.Kecamatan != StockCountRecord.Kabupaten)
                .ToDictionary(r => r.Kecamatan, r => r.Count, StringComparer.Ordinal);
            return new RegisterCount(ofMeasure.Where(r => r.Kecamatan == StockCountRecord.Kabupaten).Sum(r => r.Count), byKecamatan);
        }, StringComparer.Ordinal);
    }

    /// <summary>
    /// The person stocks in one pass over persons in NIK order (the covering index of NIK and kecamatan):
    /// for each, the set of categories active on the date as bits (1 &lt;&lt; category, summed once each) from
    /// the covering index of categories, then counted by kecamatan for each stock whose categories it
    /// meets. A scalar subquery rather than a join, since SQLite 3.53 scans a joined persons table by its
    /// key and fetches every row. Plain SQL that SQLite and PostgreSQL read alike.
    /// </summary>
    private static async Task CountPersonsAsync(PemberdayaanDbContext db, DbConnection connection, DbTransaction transaction, long version, DateOnly at,
        List<StockCountRecord> counted)
    {
        var sums = string.Join(", ", PersonStocks.Select(s => s.Categories is null
            ? """SUM(CASE WHEN "Categories" IS NOT NULL THEN 1 ELSE 0 END)"""
            : $"""SUM(CASE WHEN ("Categories" & {s.Categories.Sum(c => 1L << c.Number)}) <> 0 THEN 1 ELSE 0 END)"""));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The grouping by person keeps the subquery from being merged into the sums and run once per stock.
        // PostgreSQL runs a subquery per person as a plan per person (about 30 µs each): it groups the
        // active categories by NIK once and joins the persons instead. Persons with no active category add
        // only zeros either way, and zero counts are not kept, so both give the same rows.
        command.CommandText = db.Engine() == DatabaseEngine.PostgreSql
            ? $"""
                SELECT p."Kecamatan", {sums} FROM {db.Table<PersonRecord>()} p JOIN (
                  SELECT c."Nik", bit_or(1 << c."Category") AS "Categories" FROM {db.Table<PersonCategoryRecord>()} c
                  WHERE c."StartedOn" <= @at AND (c."EndedOn" IS NULL OR c."EndedOn" >= @at) GROUP BY c."Nik"
                ) AS person ON person."Nik" = p."Nik" GROUP BY p."Kecamatan"
                """
            : $"""
                SELECT "Kecamatan", {sums} FROM (
                  SELECT p."Kecamatan" AS "Kecamatan", (
                    SELECT SUM(DISTINCT 1 << c."Category") FROM {db.Table<PersonCategoryRecord>()} c
                    WHERE c."Nik" = p."Nik" AND c."StartedOn" <= @at AND (c."EndedOn" IS NULL OR c."EndedOn" >= @at)) AS "Categories"
                  FROM {db.Table<PersonRecord>()} p GROUP BY p."Nik", p."Kecamatan"
                ) AS person GROUP BY "Kecamatan"
                """;
        await ReadCountsAsync(command, at, version, PersonStocks.Select(s => s.Measure).ToList(), counted);
    }

    private static async Task CountInstitutionsAsync(PemberdayaanDbContext db, DbConnection connection, DbTransaction transaction, long version, DateOnly at,
        List<StockCountRecord> counted)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT "Kecamatan", COUNT(*), SUM(CASE WHEN "Type" = '{PsksImporter.PantiAsuhan}' THEN 1 ELSE 0 END)
            FROM {db.Table<InstitutionRecord>()}
            WHERE "Kind" = {PsksCategories.Lks.Number} AND "ActiveFrom" <= @at AND ("ActiveUntil" IS NULL OR "ActiveUntil" >= @at)
            GROUP BY "Kecamatan"
            """;
        await ReadCountsAsync(command, at, version, [LksTotal, PantiAsuhanTotal], counted);
    }

    /// <summary>Reads rows of a kecamatan and one count per measure, adding each measure's kabupaten total.</summary>
    private static async Task ReadCountsAsync(DbCommand command, DateOnly at, long version, IReadOnlyList<string> measures,
        List<StockCountRecord> counted)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@at";
        parameter.Value = at;
        command.Parameters.Add(parameter);
        var totals = new long[measures.Count];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var kecamatan = reader.GetString(0);
                for (var i = 0; i < measures.Count; i++)
                {
                    var count = reader.GetInt64(i + 1);
                    totals[i] += count;
                    if (count > 0)
                    {
                        counted.Add(new StockCountRecord { Version = version, At = at, Measure = measures[i], Kecamatan = kecamatan, Count = count });
                    }
                }
            }
        }
        for (var i = 0; i < measures.Count; i++)
        {
            counted.Add(new StockCountRecord { Version = version, At = at, Measure = measures[i], Kecamatan = StockCountRecord.Kabupaten, Count = totals[i] });
        }
    }

    /// <summary>
    /// Keeps the counts for the next start, and drops those of older versions. A cache: when the database
    /// is busy (an import holds it) the counts are only lost for the next start, never wrong.
    /// </summary>
    private async Task KeepAsync(PemberdayaanDbContext db, long version, List<StockCountRecord> counted)
    {
        try
        {
            // Inside a change the counts are kept with it: another connection would wait for its write lock.
            await using var write = WriteScope.Current is null ? await db.Database.BeginTransactionAsync() : null;
            await db.StockCounts.Where(c => c.Version < version).ExecuteDeleteAsync();
            if (!await db.StockCounts.AnyAsync(c => c.Version == version && c.At == counted[0].At))
            {
                db.StockCounts.AddRange(counted);
                await db.SaveChangesAsync();
            }
            if (write is not null)
            {
                await write.CommitAsync();
            }
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            _log.LogWarning(e, "Stok register per {At} tidak dapat disimpan; dihitung ulang saat host dimulai lagi.", counted[0].At);
        }
    }
}
