using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Modules.Pemberdayaan.Data;

/// <summary>A person in the PMKS register, by NIK. Domicile is a field of its own: a NIK does not move.</summary>
internal sealed class PersonRecord
{
    public required string Nik { get; set; }
    public required string Name { get; set; }

    /// <summary>L or P.</summary>
    public required string Sex { get; set; }

    public DateOnly BirthDate { get; set; }
    public required string Desa { get; set; }
    public required string Kecamatan { get; set; }
}

/// <summary>A PMKS category a person had, from a date and (once it ended) through a date.</summary>
internal sealed class PersonCategoryRecord
{
    public long Id { get; set; }
    public required string Nik { get; set; }

    /// <summary>The category's number in Permensos 08/2012 (1-26).</summary>
    public int Category { get; set; }

    public DateOnly StartedOn { get; set; }

    /// <summary>The last day the category applied; null while it still does.</summary>
    public DateOnly? EndedOn { get; set; }
}

/// <summary>A PSKS institution or worker (LKS, PSM, TKSK, LK3, WKSBM, ...), by registration number.</summary>
internal sealed class InstitutionRecord
{
    public required string RegistrationNumber { get; set; }
    public required string Name { get; set; }

    /// <summary>The PSKS category's number in Permensos 08/2012 (1-12).</summary>
    public int Kind { get; set; }

    /// <summary>The type of an LKS, e.g. LKSA for a panti asuhan; empty when none is given.</summary>
    public required string Type { get; set; }

    public required string Desa { get; set; }
    public required string Kecamatan { get; set; }
    public DateOnly ActiveFrom { get; set; }
    public DateOnly? ActiveUntil { get; set; }
}

/// <summary>
/// A number every import of the PMKS or PSKS register raises, in its own transaction: whoever keeps counts
/// of the registers (another process too) knows from it that they are out of date.
/// </summary>
internal sealed class RegisterVersionRecord
{
    public const int SingleRow = 1;

    public int Id { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A stock counted at a date from the registers at a version, by kecamatan, with the kabupaten's total
/// under <see cref="Kabupaten"/> (so a date whose stock is nobody is kept too). Kept so that a restarted
/// host whose registers did not change does not count a million persons again.
/// </summary>
internal sealed class StockCountRecord
{
    public const string Kabupaten = "";

    public long Version { get; set; }
    public DateOnly At { get; set; }
    public required string Measure { get; set; }
    public required string Kecamatan { get; set; }
    public long Count { get; set; }
}

/// <summary>The Pemberdayaan module's own tables: the PMKS and PSKS registers and the stocks counted from them.</summary>
internal sealed class PemberdayaanDbContext(DbContextOptions<PemberdayaanDbContext> options) : ModuleDbContext(options, TablePrefixName)
{
    public const string TablePrefixName = "pemberdayaan";

    public DbSet<PersonRecord> Persons => Set<PersonRecord>();
    public DbSet<PersonCategoryRecord> PersonCategories => Set<PersonCategoryRecord>();
    public DbSet<InstitutionRecord> Institutions => Set<InstitutionRecord>();
    public DbSet<RegisterVersionRecord> RegisterVersion => Set<RegisterVersionRecord>();
    public DbSet<StockCountRecord> StockCounts => Set<StockCountRecord>();

    public const string PersonsTable = TablePrefixName + "_persons";
    public const string PersonCategoriesTable = TablePrefixName + "_person_categories";
    public const string InstitutionsTable = TablePrefixName + "_institutions";
    public const string RegisterVersionTable = TablePrefixName + "_register_version";
    public const string StockCountsTable = TablePrefixName + "_stock_counts";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<PersonRecord>(e =>
        {
            e.ToTable(PersonsTable);
            e.HasKey(p => p.Nik);
            // Covers the stocks' pass over persons in NIK order: the domicile without a lookup of the row.
            e.HasIndex(p => new { p.Nik, p.Kecamatan });
        });
        modelBuilder.Entity<PersonCategoryRecord>(e =>
        {
            e.ToTable(PersonCategoriesTable);
            e.HasIndex(c => new { c.Nik, c.Category, c.StartedOn }).IsUnique();
            // Covers the stocks' pass: a person's categories active at a date, found by NIK.
            e.HasIndex(c => new { c.Nik, c.StartedOn, c.EndedOn, c.Category });
        });
        modelBuilder.Entity<InstitutionRecord>(e =>
        {
            e.ToTable(InstitutionsTable);
            e.HasKey(i => i.RegistrationNumber);
            e.HasIndex(i => new { i.Kind, i.ActiveFrom });
        });
        modelBuilder.Entity<RegisterVersionRecord>(e =>
        {
            e.ToTable(RegisterVersionTable);
            e.Property(v => v.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<StockCountRecord>(e =>
        {
            e.ToTable(StockCountsTable);
            e.HasKey(c => new { c.Version, c.At, c.Measure, c.Kecamatan });
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class PemberdayaanDesignTimeFactory : IDesignTimeDbContextFactory<PemberdayaanDbContext>
{
    public PemberdayaanDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.ForModule<PemberdayaanDbContext>(args, PemberdayaanDbContext.TablePrefixName));
}
