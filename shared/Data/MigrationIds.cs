using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kinerja.Shared.Data;

public static class MigrationIds
{
    /// <summary>The ids of a context's migrations in its assembly, read from their attributes without starting EF.</summary>
    public static string Of<TContext>() where TContext : DbContext =>
        string.Join(",", typeof(TContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(TContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal));
}
