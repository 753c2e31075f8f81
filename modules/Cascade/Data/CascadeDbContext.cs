using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore;

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

/// <summary>A year's target reading of an indicator that differs from its default; absent means the default.</summary>
internal sealed class TargetReadingRecord
{
    public int Year { get; set; }
    public required string Indicator { get; set; }

    /// <summary>PER_QUARTER, UP_TO_QUARTER or RATE.</summary>
    public required string Reading { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A frozen quarterly rollup. Never changed once written; a later rollup adds a revision.</summary>
internal sealed class SnapshotRecord
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Trigger { get; set; }

    /// <summary>A digest of the values, to tell whether a new rollup says anything new.</summary>
    public required string Fingerprint { get; set; }

    public List<SnapshotValueRecord> Values { get; set; } = [];
}

/// <summary>One indicator's value in a snapshot, for the triwulan or cumulatively through it.</summary>
internal sealed class SnapshotValueRecord
{
    public long Id { get; set; }
    public long SnapshotId { get; set; }
    public required string Indicator { get; set; }
    public bool Cumulative { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public double? Value { get; set; }
    public double? Target { get; set; }

    /// <summary>What was wrong with the quarterly targets against the annual one when the rollup ran.</summary>
    public string? TargetWarning { get; set; }

    public double? Achievement { get; set; }
    public string? Predicate { get; set; }
    public required string Status { get; set; }
    public required string NumeratorRule { get; set; }
    public string? DenominatorRule { get; set; }
    public string? Source { get; set; }
    public string? DenominatorSource { get; set; }
}

/// <summary>A year's choice of how a kegiatan indicator or a stock is counted; absent means ENTERED.</summary>
internal sealed class ValueSourceRecord
{
    public int Year { get; set; }
    public required string Code { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>Whether a triwulan is closed to entry: closed by a rollup, opened again explicitly.</summary>
internal sealed class QuarterClosureRecord
{
    public int Year { get; set; }
    public int Quarter { get; set; }
    public bool Closed { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// The office level's own tables: the tree's changes per year, polarity, target readings, snapshots and closures,
/// value sources, analyses and officials, and the planning documents: PK, budget lines, Renstra. (The IKU's own figures are its indicator data, as every module's.)
/// </summary>
internal sealed class CascadeDbContext(DbContextOptions<CascadeDbContext> options) : ModuleDbContext(options, TablePrefixName)
{
    public const string TablePrefixName = "cascade";

    private const string TablePrefix = TablePrefixName;

    public DbSet<RuleOverrideRecord> RuleOverrides => Set<RuleOverrideRecord>();
    public DbSet<PolarityRecord> Polarities => Set<PolarityRecord>();
    public DbSet<TargetReadingRecord> TargetReadings => Set<TargetReadingRecord>();
    public DbSet<SnapshotRecord> Snapshots => Set<SnapshotRecord>();
    public DbSet<SnapshotValueRecord> SnapshotValues => Set<SnapshotValueRecord>();
    public DbSet<QuarterClosureRecord> QuarterClosures => Set<QuarterClosureRecord>();
    public DbSet<ValueSourceRecord> ValueSources => Set<ValueSourceRecord>();
    public DbSet<AnalysisRecord> Analyses => Set<AnalysisRecord>();
    public DbSet<OfficialRecord> Officials => Set<OfficialRecord>();
    public DbSet<AgreementRecord> Agreements => Set<AgreementRecord>();
    public DbSet<BudgetLineRecord> BudgetLines => Set<BudgetLineRecord>();
    public DbSet<RenstraTargetRecord> RenstraTargets => Set<RenstraTargetRecord>();

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
        modelBuilder.Entity<TargetReadingRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_target_readings");
            e.HasKey(r => new { r.Year, r.Indicator });
        });
        modelBuilder.Entity<SnapshotRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_snapshots");
            e.HasIndex(r => new { r.Year, r.Quarter, r.Revision }).IsUnique();
            e.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.SnapshotId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<SnapshotValueRecord>(e => e.ToTable($"{TablePrefix}_snapshot_values"));
        modelBuilder.Entity<QuarterClosureRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_quarter_closures");
            e.HasKey(c => new { c.Year, c.Quarter });
        });
        modelBuilder.Entity<ValueSourceRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_value_sources");
            e.HasKey(v => new { v.Year, v.Code });
        });
        ReportTables.Configure(modelBuilder, TablePrefix);
        PlanningTables.Configure(modelBuilder, TablePrefix);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class CascadeDesignTimeFactory : IDesignTimeDbContextFactory<CascadeDbContext>
{
    public CascadeDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.ForModule<CascadeDbContext>(args, CascadeDbContext.TablePrefixName));
}
