using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Data;

/// <summary>
/// A unit's Perjanjian Kinerja of a year: revision 0 is the PK signed at the start of the year, revision N its
/// N-th Perubahan. A DRAF (not established) has no date of signing yet; once established it holds the unit's
/// annual targets as signed.
/// </summary>
internal sealed class AgreementRecord
{
    public long Id { get; set; }
    public required string Unit { get; set; }
    public int Year { get; set; }
    public int Revision { get; set; }

    /// <summary>The date the PK was signed; null while it is a DRAF.</summary>
    public DateOnly? SignedOn { get; set; }

    /// <summary>For a Perubahan: the date it was decided and why.</summary>
    public DateOnly? RevisedOn { get; set; }
    public string? Reason { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
    public List<AgreementTargetRecord> Targets { get; set; } = [];
}

/// <summary>An indicator's annual target as an established PK signed it (null: signed without one).</summary>
internal sealed class AgreementTargetRecord
{
    public long AgreementId { get; set; }
    public required string Indicator { get; set; }
    public double? Target { get; set; }
}

/// <summary>A line of the DPA a unit spends from in a year: a program, kegiatan or sub-kegiatan with its pagu.</summary>
internal sealed class BudgetLineRecord
{
    public long Id { get; set; }
    public int Year { get; set; }

    /// <summary>The DPA's code, e.g. 1.06.02.2.01: one line of the Dinas in a year.</summary>
    public required string Code { get; set; }
    public required string Unit { get; set; }
    public required string Name { get; set; }
    public double Pagu { get; set; }

    /// <summary>The codes of the indicators the line serves, in catalog order, separated by commas.</summary>
    public required string Indicators { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
    public List<BudgetRealizationRecord> Realizations { get; set; } = [];
}

/// <summary>What a budget line spent in one triwulan.</summary>
internal sealed class BudgetRealizationRecord
{
    public long LineId { get; set; }
    public int Quarter { get; set; }
    public double Amount { get; set; }
}

/// <summary>An indicator's end target in a Renstra (five-year plan): the figure of its final year.</summary>
internal sealed class RenstraTargetRecord
{
    public required string Indicator { get; set; }
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    public double Target { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

internal static class PlanningTables
{
    public static void Configure(ModelBuilder modelBuilder, string prefix)
    {
        modelBuilder.Entity<AgreementRecord>(e =>
        {
            e.ToTable($"{prefix}_agreements");
            e.HasIndex(a => new { a.Unit, a.Year, a.Revision }).IsUnique();
            e.HasMany(a => a.Targets).WithOne().HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AgreementTargetRecord>(e =>
        {
            e.ToTable($"{prefix}_agreement_targets");
            e.HasKey(t => new { t.AgreementId, t.Indicator });
        });
        modelBuilder.Entity<BudgetLineRecord>(e =>
        {
            e.ToTable($"{prefix}_budget_lines");
            e.HasIndex(l => new { l.Year, l.Code }).IsUnique();
            e.HasMany(l => l.Realizations).WithOne().HasForeignKey(r => r.LineId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<BudgetRealizationRecord>(e =>
        {
            e.ToTable($"{prefix}_budget_realizations");
            e.HasKey(r => new { r.LineId, r.Quarter });
        });
        modelBuilder.Entity<RenstraTargetRecord>(e =>
        {
            e.ToTable($"{prefix}_renstra_targets");
            e.HasKey(r => new { r.Indicator, r.FromYear });
        });
    }
}
