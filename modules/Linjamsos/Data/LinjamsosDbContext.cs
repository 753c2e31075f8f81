using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Modules.Linjamsos.Data;

/// <summary>A Taman Makam Pahlawan in the register kept by Seksi Jaminan Sosial.</summary>
internal sealed class TamanMakamPahlawanRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Desa { get; set; }
    public required string Kecamatan { get; set; }
    public DateOnly RegisteredOn { get; set; }
}

/// <summary>The Linjamsos module's own tables: the register of Taman Makam Pahlawan.</summary>
internal sealed class LinjamsosDbContext(DbContextOptions<LinjamsosDbContext> options) : ModuleDbContext(options, TablePrefixName)
{
    public const string TablePrefixName = "linjamsos";
    public const string TamanMakamPahlawanTable = TablePrefixName + "_taman_makam_pahlawan";

    public DbSet<TamanMakamPahlawanRecord> TamanMakamPahlawan => Set<TamanMakamPahlawanRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TamanMakamPahlawanRecord>(e =>
        {
            e.ToTable(TamanMakamPahlawanTable);
            e.HasKey(t => t.Code);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class LinjamsosDesignTimeFactory : IDesignTimeDbContextFactory<LinjamsosDbContext>
{
    public LinjamsosDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.ForModule<LinjamsosDbContext>(args, LinjamsosDbContext.TablePrefixName));
}
