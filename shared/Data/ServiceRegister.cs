using System.Data.Common;
using Kinerja.Shared.Sources;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>A service (layanan) a Seksi gave: to whom, when, where, under which kegiatan indicator.</summary>
public sealed class ServiceRecord
{
    public long Id { get; set; }
    public required string Indicator { get; set; }
    public DateOnly ServedOn { get; set; }

    /// <summary>Who was served: a NIK, or an institution's registration number prefixed with <see cref="InstitutionPrefix"/>.</summary>
    public required string Subject { get; set; }

    public required string Kecamatan { get; set; }
    public string? Note { get; set; }

    public const string InstitutionPrefix = "REG:";
}

/// <summary>
/// The services register of a module: one shape with one migration set per engine, which each module that has kegiatan
/// COUNT indicators keeps under its own table prefix (<see cref="TablePrefix"/>).
/// </summary>
public sealed class ServiceRegisterContext(DbContextOptions<ServiceRegisterContext> options) : DbContext(options)
{
    public DbSet<ServiceRecord> Services => Set<ServiceRecord>();

    /// <summary>The history of a module's services register migrations.</summary>
    public static string MigrationsHistoryTable(string prefix) => $"__{prefix}_services_migrations";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseEngineConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseEngineSchema(this, TablePrefix.Placeholder);
        modelBuilder.Entity<ServiceRecord>(e =>
        {
            e.ToTable($"{TablePrefix.Placeholder}_services");
            e.HasIndex(s => new { s.Indicator, s.ServedOn, s.Subject }).IsUnique();
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the shape without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class ServiceRegisterDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<ServiceRegisterContext>
{
    public ServiceRegisterContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<ServiceRegisterContext>(
        args, TablePrefix.Placeholder, ServiceRegisterContext.MigrationsHistoryTable(TablePrefix.Placeholder)));
}

/// <summary>A service as imported: <see cref="ServiceRecord.Subject"/> is a NIK or a prefixed registration number.</summary>
public sealed record ServiceEntry(string Indicator, DateOnly ServedOn, string Subject, string Kecamatan, string? Note);

/// <summary>Stores a module's services; a service seen again (same indicator, date and subject) is not doubled.</summary>
public interface IServiceStore
{
    string Module { get; }

    IReadOnlyCollection<string> Indicators { get; }

    /// <summary>A context on the host's database; inside a change (IUnitOfWork), on the change's connection and transaction.</summary>
    DbContext CreateContext();

    /// <summary>Writes entries inside the import's transaction, one at a time, as the import reads them.</summary>
    Task<IRowWriter<ServiceEntry>> PrepareAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>On PostgreSQL: stores this module's rows of a services stage (<see cref="ServiceColumns.StageSelect"/>), those where <paramref name="where"/> holds.</summary>
    Task<WriteCounts> MergeStagedAsync(PostgreSqlStage stage, string where, CancellationToken cancellationToken);
}

/// <summary>
/// A module's services register. It counts the module's kegiatan indicators from its services: the distinct persons or institutions served in
/// a period. Someone served in two kecamatan in one period counts once, in the kecamatan of their latest
/// service, so that the kecamatan rows add up to the whole.
/// </summary>
public sealed class ServiceRegister : IServiceCounter, IServiceStore
{
    private readonly Func<ServiceRegisterContext> _createContext;
    private readonly IDatabaseProvider _database;

    public ServiceRegister(string module, IReadOnlyCollection<string> indicators, Func<ServiceRegisterContext> createContext, IDatabaseProvider database)
    {
        Module = module;
        Indicators = indicators;
        _createContext = createContext;
        _database = database;
    }

    public string Module { get; }

    public IReadOnlyCollection<string> Indicators { get; }

    public async Task<RegisterCount> CountServedAsync(string indicator, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        // Plain SQL: window functions are the same on SQLite and PostgreSQL; the table name is the module's own.
        var sql = """
            SELECT "Kecamatan" AS "Kecamatan", COUNT(*) AS "Count" FROM (
              SELECT "Kecamatan", ROW_NUMBER() OVER (PARTITION BY "Subject" ORDER BY "ServedOn" DESC, "Id" DESC) AS "Latest"
              FROM TABLE WHERE "Indicator" = {0} AND "ServedOn" >= {1} AND "ServedOn" <= {2}
            ) AS served WHERE "Latest" = 1 GROUP BY "Kecamatan"
            """.Replace("TABLE", db.Table<ServiceRecord>(), StringComparison.Ordinal);
        var rows = await db.Database.SqlQueryRaw<KecamatanCount>(sql, indicator, from, to).ToListAsync(cancellationToken);
        return KecamatanCount.Total(rows);
    }

    public async Task<IReadOnlyList<ServedSubject>> ListServedAsync(string indicator, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var services = await db.Services.AsNoTracking()
            .Where(s => s.Indicator == indicator && s.ServedOn >= from && s.ServedOn <= to)
            .OrderBy(s => s.ServedOn).ThenBy(s => s.Id)
            .Select(s => new { s.Subject, s.Kecamatan, s.ServedOn })
            .ToListAsync(cancellationToken);
        return services
            .GroupBy(s => s.Subject)
            .Select(g =>
            {
                var latest = g.Last();
                var institution = g.Key.StartsWith(ServiceRecord.InstitutionPrefix, StringComparison.Ordinal);
                return new ServedSubject(institution ? g.Key[ServiceRecord.InstitutionPrefix.Length..] : g.Key, institution,
                    latest.Kecamatan, latest.ServedOn, g.Count());
            })
            .OrderBy(s => s.Kecamatan, StringComparer.Ordinal).ThenBy(s => s.Subject, StringComparer.Ordinal)
            .ToList();
    }

    public DbContext CreateContext() => _createContext();

    public async Task<IRowWriter<ServiceEntry>> PrepareAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // The context only names the module's table: the rows go on the import's connection and transaction.
        await using var db = _createContext();
        return new Writer(await _database.PrepareUpsertAsync(connection, transaction, db.Table<ServiceRecord>(), ServiceColumns.Keys, ServiceColumns.Values, cancellationToken));
    }

    public async Task<WriteCounts> MergeStagedAsync(PostgreSqlStage stage, string where, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var table = db.Table<ServiceRecord>();
        var merged = await stage.MergeAsync([new StageTarget(table, ServiceColumns.Keys, ServiceColumns.Values)], "\"Outcome0\"", where, cancellationToken);
        if (merged.Written[0] > 0)
        {
            await stage.ExecuteAsync($"ANALYZE {table}", cancellationToken);
        }
        return merged.Counts;
    }

    private sealed class Writer(IUpsert services) : IRowWriter<ServiceEntry>
    {
        public Task<UpsertOutcome> WriteAsync(ServiceEntry e, CancellationToken cancellationToken) =>
            services.ExecuteAsync([e.Indicator, e.ServedOn, e.Subject, e.Kecamatan, e.Note], cancellationToken).AsTask();

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }
}

/// <summary>The columns a services import writes: a service's key, then its values.</summary>
public static class ServiceColumns
{
    public static readonly string[] Keys = ["Indicator", "ServedOn", "Subject"];
    public static readonly string[] Values = ["Kecamatan", "Note"];

    /// <summary>The columns of a services stage on PostgreSQL: a number that says whose rows, then a service's key and values.</summary>
    public static string StageSelect(DbContext db) =>
        $"""SELECT 0 AS "Store", {string.Join(", ", Keys.Concat(Values).Select(c => $"s.\"{c}\""))} FROM {db.Table<ServiceRecord>()} s""";
}

/// <summary>One row of a count grouped by kecamatan.</summary>
public sealed class KecamatanCount
{
    public string Kecamatan { get; set; } = "";
    public long Count { get; set; }

    public static RegisterCount Total(IEnumerable<KecamatanCount> rows)
    {
        var byKecamatan = rows.ToDictionary(r => r.Kecamatan, r => r.Count, StringComparer.Ordinal);
        return new RegisterCount(byKecamatan.Values.Sum(), byKecamatan);
    }
}
