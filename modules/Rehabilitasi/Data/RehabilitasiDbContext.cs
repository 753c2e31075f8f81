using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Modules.Rehabilitasi.Data;

internal sealed class RehabilitasiDbContext(DbContextOptions<RehabilitasiDbContext> options) : ServiceRegisterContext(options)
{
    public const string TablePrefixName = "rehabilitasi";

    protected override string TablePrefix => TablePrefixName;
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class RehabilitasiDesignTimeFactory : IDesignTimeDbContextFactory<RehabilitasiDbContext>
{
    public RehabilitasiDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<RehabilitasiDbContext>(
        args, RehabilitasiDbContext.TablePrefixName, IndicatorDataContext.MigrationsHistoryTable(RehabilitasiDbContext.TablePrefixName)));
}
