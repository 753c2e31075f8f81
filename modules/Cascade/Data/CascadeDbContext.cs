using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Modules.Cascade.Data;

/// <summary>A year's rule for an indicator that differs from the catalog's default tree.</summary>
internal sealed class RuleOverrideRecord
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string Indicator { get; set; }
    public required string Numerator { get; set; }
    public string? Denominator { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>An indicator for which less is better; absent means more is better.</summary>
internal sealed class PolarityRecord
{
    public required string Indicator { get; set; }
    public bool LessIsBetter { get; set; }
}

/// <summary>The office level's tables: the IKU's own figures (targets), and the tree's changes per year.</summary>
internal sealed class CascadeDbContext(DbContextOptions<CascadeDbContext> options) : IndicatorDataContext(options)
{
    public const string TablePrefixName = "cascade";

    protected override string TablePrefix => TablePrefixName;

    public DbSet<RuleOverrideRecord> RuleOverrides => Set<RuleOverrideRecord>();
    public DbSet<PolarityRecord> Polarities => Set<PolarityRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<RuleOverrideRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_rule_overrides");
            e.HasIndex(r => new { r.Year, r.Indicator }).IsUnique();
        });
        modelBuilder.Entity<PolarityRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_polarities");
            e.HasKey(p => p.Indicator);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class CascadeDesignTimeFactory : IDesignTimeDbContextFactory<CascadeDbContext>
{
    public CascadeDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CascadeDbContext>()
        .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(IndicatorDataContext.MigrationsHistoryTable(CascadeDbContext.TablePrefixName)))
        .Options);
}
