using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Modules.Sekretariat.Data;

internal sealed class SekretariatDbContext(DbContextOptions<SekretariatDbContext> options) : IndicatorDataContext(options)
{
    public const string TablePrefixName = "sekretariat";

    protected override string TablePrefix => TablePrefixName;
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class SekretariatDesignTimeFactory : IDesignTimeDbContextFactory<SekretariatDbContext>
{
    public SekretariatDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<SekretariatDbContext>(
        args, SekretariatDbContext.TablePrefixName, IndicatorDataContext.MigrationsHistoryTable(SekretariatDbContext.TablePrefixName)));
}
