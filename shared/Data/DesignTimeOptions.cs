using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// Options for <c>dotnet ef</c>'s design-time factories. SQLite unless the arguments after <c>--</c> say
/// <c>postgresql</c>: <c>dotnet ef migrations add X --output-dir Data/Migrations/PostgreSql -- postgresql</c>.
/// No database is opened to make a migration.
/// </summary>
public static class DesignTimeOptions
{
    public static DbContextOptions<TContext> For<TContext>(string[] args, string schema, string migrationsHistoryTable)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        if (args.Any(a => a.Equals("postgresql", StringComparison.OrdinalIgnoreCase)))
        {
            options.UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(migrationsHistoryTable, schema));
        }
        else
        {
            options.UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(migrationsHistoryTable));
        }
        options.UseEngineMigrations();
        return options.Options;
    }

    /// <summary>Options for the design-time factory of a module's context of its own tables (<see cref="ModuleDbContext"/>).</summary>
    public static DbContextOptions<TContext> ForModule<TContext>(string[] args, string prefix) where TContext : DbContext =>
        For<TContext>(args, prefix, IndicatorDataRegistration.ModuleHistoryTable(prefix));
}
