using System.Collections.Concurrent;
using Kinerja.Modules.Pemberdayaan.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Registers;
using Kinerja.Shared.Sources;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Pemberdayaan.Registers;

/// <summary>
/// The base-data stocks counted from the PMKS and PSKS registers at a date: distinct persons by NIK (one
/// person in two categories counts once), active institutions. A count is kept while the registers'
/// version stays the same (an import raises it, in whichever process it runs), since a register of a
/// million persons takes seconds to count.
/// </summary>
internal sealed class PemberdayaanStocks : IStockCounter
{
    private readonly Func<PemberdayaanDbContext> _createContext;
    private readonly ConcurrentDictionary<(string, DateOnly), RegisterCount> _counted = new();
    private long _countedVersion = -1;

    public PemberdayaanStocks(Func<PemberdayaanDbContext> createContext) => _createContext = createContext;

    public string Module => PemberdayaanModule.ModuleName;

    /// <summary>Each stock and the PMKS categories it counts (none: every category).</summary>
    private static readonly Dictionary<string, IReadOnlyList<PmksCategory>?> PersonStocks = new(StringComparer.Ordinal)
    {
        ["pmks.total"] = null,
        ["eks_penyakit_sosial.total"] = PmksCategories.EksPenyakitSosial,
        ["disabilitas.total"] = PmksCategories.Disabilitas,
        ["fakir_miskin.total"] = PmksCategories.FakirMiskin,
        ["wrse.total"] = PmksCategories.Wrse,
    };

    public const string LksTotal = "lks.total";
    public const string PantiAsuhanTotal = "panti_asuhan.total";

    public IReadOnlyCollection<string> Measures { get; } = [.. PersonStocks.Keys, LksTotal, PantiAsuhanTotal];

    public async Task<RegisterCount> CountStockAsync(string measure, DateOnly at, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(cancellationToken);
        if (Interlocked.Exchange(ref _countedVersion, version) != version)
        {
            _counted.Clear();
        }
        if (_counted.TryGetValue((measure, at), out var known))
        {
            return known;
        }
        var count = PersonStocks.TryGetValue(measure, out var categories)
            ? await CountPersonsAsync(categories, at, cancellationToken)
            : await CountInstitutionsAsync(measure == PantiAsuhanTotal, at, cancellationToken);
        _counted[(measure, at)] = count;
        return count;
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
    public static async Task RaiseVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var table = PemberdayaanDbContext.RegisterVersionTable;
        command.CommandText = $"""
            INSERT INTO "{table}" ("Id", "Version") VALUES ({RegisterVersionRecord.SingleRow}, 1)
            ON CONFLICT ("Id") DO UPDATE SET "Version" = "{table}"."Version" + 1
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<RegisterCount> CountPersonsAsync(IReadOnlyList<PmksCategory>? categories, DateOnly at, CancellationToken cancellationToken)
    {
        var filter = categories is null ? "" : $"""AND c."Category" IN ({string.Join(", ", categories.Select(c => c.Number))})""";
        // Plain SQL that SQLite and PostgreSQL read alike; the IN list is made of category numbers, not input.
        var sql = $"""
            SELECT p."Kecamatan" AS "Kecamatan", COUNT(DISTINCT c."Nik") AS "Count"
            FROM "{PemberdayaanDbContext.PersonCategoriesTable}" c JOIN "{PemberdayaanDbContext.PersonsTable}" p ON p."Nik" = c."Nik"
            WHERE c."StartedOn" <= {"{0}"} AND (c."EndedOn" IS NULL OR c."EndedOn" >= {"{0}"}) {filter}
            GROUP BY p."Kecamatan"
            """;
        await using var db = _createContext();
        return KecamatanCount.Total(await db.Database.SqlQueryRaw<KecamatanCount>(sql, at).ToListAsync(cancellationToken));
    }

    private async Task<RegisterCount> CountInstitutionsAsync(bool pantiAsuhanOnly, DateOnly at, CancellationToken cancellationToken)
    {
        var lks = PsksCategories.Lks.Number;
        var type = pantiAsuhanOnly ? $"""AND "Type" = '{PsksImporter.PantiAsuhan}'""" : "";
        var sql = $"""
            SELECT "Kecamatan" AS "Kecamatan", COUNT(*) AS "Count" FROM "{PemberdayaanDbContext.InstitutionsTable}"
            WHERE "Kind" = {lks} AND "ActiveFrom" <= {"{0}"} AND ("ActiveUntil" IS NULL OR "ActiveUntil" >= {"{0}"}) {type}
            GROUP BY "Kecamatan"
            """;
        await using var db = _createContext();
        return KecamatanCount.Total(await db.Database.SqlQueryRaw<KecamatanCount>(sql, at).ToListAsync(cancellationToken));
    }
}
