using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Modules.Linjamsos.Data;

internal sealed class LinjamsosDbContext(DbContextOptions<LinjamsosDbContext> options) : IndicatorDataContext(options)
{
    public const string TablePrefixName = "linjamsos";

    protected override string TablePrefix => TablePrefixName;
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class LinjamsosDesignTimeFactory : IDesignTimeDbContextFactory<LinjamsosDbContext>
{
    public LinjamsosDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<LinjamsosDbContext>()
        .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(IndicatorDataContext.MigrationsHistoryTable(LinjamsosDbContext.TablePrefixName)))
        .Options);
}
