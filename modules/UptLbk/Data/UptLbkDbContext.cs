using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Modules.UptLbk.Data;

internal sealed class UptLbkDbContext(DbContextOptions<UptLbkDbContext> options) : ServiceRegisterContext(options)
{
    public const string TablePrefixName = "uptlbk";

    protected override string TablePrefix => TablePrefixName;
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class UptLbkDesignTimeFactory : IDesignTimeDbContextFactory<UptLbkDbContext>
{
    public UptLbkDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<UptLbkDbContext>(
        args, UptLbkDbContext.TablePrefixName, IndicatorDataContext.MigrationsHistoryTable(UptLbkDbContext.TablePrefixName)));
}
