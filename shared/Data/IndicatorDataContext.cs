using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// The tables every module keeps for its own indicators: the seeded catalog, realisations, targets and base-data stocks.
/// One shape with one migration set per engine: each module keeps it under its own table prefix (and schema, on
/// PostgreSQL), given by <see cref="Data.TablePrefix.UseTablePrefix"/>, so modules share one database without sharing a table.
/// </summary>
public sealed class IndicatorDataContext(DbContextOptions<IndicatorDataContext> options) : DbContext(options)
{
    private const string TablePrefix = Data.TablePrefix.Placeholder;

    public DbSet<UnitRecord> Units => Set<UnitRecord>();
    public DbSet<IndicatorRecord> Indicators => Set<IndicatorRecord>();
    public DbSet<RealizationRecord> Realizations => Set<RealizationRecord>();
    public DbSet<TargetRecord> Targets => Set<TargetRecord>();
    public DbSet<BaseMeasureRecord> BaseMeasures => Set<BaseMeasureRecord>();

    /// <summary>The history of a module's indicator data migrations.</summary>
    public static string MigrationsHistoryTable(string prefix) => $"__{prefix}_indicator_data_migrations";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseEngineConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // On PostgreSQL the module's schema is named as its prefix: pemberdayaan.pemberdayaan_persons.
        modelBuilder.UseEngineSchema(this, TablePrefix);
        modelBuilder.Entity<UnitRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_units");
            e.HasKey(u => u.Code);
            e.PrimitiveCollection(u => u.Fungsi);
        });
        modelBuilder.Entity<IndicatorRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_indicators");
            e.HasKey(i => i.Code);
            e.Property(i => i.Level).HasConversion<string>();
            e.Property(i => i.Kind).HasConversion<string>();
        });
        modelBuilder.Entity<RealizationRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_realizations");
            e.HasIndex(r => new { r.Indicator, r.Year, r.Quarter }).IsUnique();
            e.HasIndex(r => r.Year);
        });
        modelBuilder.Entity<TargetRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_targets");
            e.HasIndex(t => new { t.Indicator, t.Year, t.Quarter }).IsUnique();
        });
        modelBuilder.Entity<BaseMeasureRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_base_measures");
            e.HasIndex(b => new { b.Measure, b.Year, b.Quarter }).IsUnique();
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the shape without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class IndicatorDataDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<IndicatorDataContext>
{
    public IndicatorDataContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<IndicatorDataContext>(
        args, TablePrefix.Placeholder, IndicatorDataContext.MigrationsHistoryTable(TablePrefix.Placeholder)));
}
