using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Data;

/// <summary>A unit's analysis of one indicator's year: what helped, what hindered, what it will do next.</summary>
internal sealed class AnalysisRecord
{
    public int Year { get; set; }
    public required string Indicator { get; set; }
    public string? FaktorPendukung { get; set; }
    public string? FaktorPenghambat { get; set; }
    public string? UpayaTindakLanjut { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>Who holds a position in a year: the head of a unit (by its code) or the Bupati.</summary>
internal sealed class OfficialRecord
{
    public int Year { get; set; }
    public required string Position { get; set; }
    public required string Nama { get; set; }
    public required string Jabatan { get; set; }
    public string? Pangkat { get; set; }
    public string? Nip { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

internal static class ReportTables
{
    public static void Configure(ModelBuilder modelBuilder, string prefix)
    {
        modelBuilder.Entity<AnalysisRecord>(e =>
        {
            e.ToTable($"{prefix}_analyses");
            e.HasKey(a => new { a.Year, a.Indicator });
        });
        modelBuilder.Entity<OfficialRecord>(e =>
        {
            e.ToTable($"{prefix}_officials");
            e.HasKey(o => new { o.Year, o.Position });
        });
    }
}
