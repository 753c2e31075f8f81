using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Modules.Pemberdayaan.Data;

internal sealed class PemberdayaanDbContext(DbContextOptions<PemberdayaanDbContext> options) : IndicatorDataContext(options)
{
    public const string TablePrefixName = "pemberdayaan";

    protected override string TablePrefix => TablePrefixName;
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class PemberdayaanDesignTimeFactory : IDesignTimeDbContextFactory<PemberdayaanDbContext>
{
    public PemberdayaanDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PemberdayaanDbContext>()
        .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(IndicatorDataContext.MigrationsHistoryTable(PemberdayaanDbContext.TablePrefixName)))
        .Options);
}
