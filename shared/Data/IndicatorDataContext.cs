using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// The tables every module keeps for its own indicators: the seeded catalog, realisations, targets and
/// base-data stocks. Each module derives its own context with its own table prefix and migrations, so
/// modules can share one database file without sharing a table.
/// </summary>
public abstract class IndicatorDataContext : DbContext
{
    protected IndicatorDataContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>The module's table prefix (lower case, no separator).</summary>
    protected abstract string TablePrefix { get; }

    public DbSet<UnitRecord> Units => Set<UnitRecord>();
    public DbSet<IndicatorRecord> Indicators => Set<IndicatorRecord>();
    public DbSet<RealizationRecord> Realizations => Set<RealizationRecord>();
    public DbSet<TargetRecord> Targets => Set<TargetRecord>();
    public DbSet<BaseMeasureRecord> BaseMeasures => Set<BaseMeasureRecord>();

    public static string MigrationsHistoryTable(string prefix) => $"__{prefix}_migrations";

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
