using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Shared.Data;

/// <summary>
/// A shape of tables that several modules keep, each under its own prefix (the indicator data, the services register):
/// its model and its one migration set per engine name the tables with <see cref="Placeholder"/>
/// (<c>tableprefix_realizations</c>, schema <c>tableprefix</c> on PostgreSQL), and the SQL a context of a module writes
/// names them with the module's prefix (<c>rehabilitasi_realizations</c>, schema <c>rehabilitasi</c>). Every identifier
/// EF writes, in queries, changes and migrations alike, passes through the engine's SQL generation helper, which
/// replaces the placeholder; raw SQL names tables through <see cref="DatabaseEngines.Table{TEntity}"/>, which does too.
/// </summary>
public static class TablePrefix
{
    public const string Placeholder = "tableprefix";

    /// <summary>Writes the context's tables under <paramref name="prefix"/> instead of the shape's placeholder.</summary>
    public static DbContextOptionsBuilder UseTablePrefix(this DbContextOptionsBuilder options, string? prefix)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new TablePrefixExtension(prefix));
        return options;
    }

    internal static string Apply(string identifier, string? prefix) =>
        prefix is null ? identifier : identifier.Replace(Placeholder, prefix, StringComparison.Ordinal);

    // Part of the options' identity: contexts of different prefixes get service providers, and so helpers, of their own.
    // Every context has one (null: tables of its own), so that the helpers always find their setting.
    private sealed class TablePrefixExtension(string? prefix) : IDbContextOptionsExtension
    {
        public string? Prefix { get; } = prefix;

        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) => services.AddSingleton(new TablePrefixSetting(Prefix));

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class ExtensionInfo(TablePrefixExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;

            public override string LogFragment => $"TablePrefix={extension.Prefix} ";

            public override int GetServiceProviderHashCode() => extension.Prefix is null ? 0 : StringComparer.Ordinal.GetHashCode(extension.Prefix);

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
                other is ExtensionInfo info && info.Extension is TablePrefixExtension e && e.Prefix == extension.Prefix;

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Kinerja:TablePrefix"] = extension.Prefix ?? "";
        }
    }
}

/// <summary>The prefix of a context's service provider: null for a context of its own tables.</summary>
internal sealed record TablePrefixSetting(string? Prefix);

// The engines' own helpers, with the placeholder replaced in every identifier they delimit. Their types are EF's
// provider internals: the public ISqlGenerationHelper contract cannot be decorated without them.
#pragma warning disable EF1001
internal sealed class PrefixedSqliteSqlGenerationHelper(RelationalSqlGenerationHelperDependencies dependencies, TablePrefixSetting setting)
    : Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.SqliteSqlGenerationHelper(dependencies)
{
    private readonly string? _prefix = setting.Prefix;

    public override string DelimitIdentifier(string identifier) => base.DelimitIdentifier(TablePrefix.Apply(identifier, _prefix));

    public override void DelimitIdentifier(StringBuilder builder, string identifier) =>
        base.DelimitIdentifier(builder, TablePrefix.Apply(identifier, _prefix));

    public override string DelimitIdentifier(string name, string? schema) =>
        base.DelimitIdentifier(TablePrefix.Apply(name, _prefix), schema is null ? null : TablePrefix.Apply(schema, _prefix));

    public override void DelimitIdentifier(StringBuilder builder, string name, string? schema) =>
        base.DelimitIdentifier(builder, TablePrefix.Apply(name, _prefix), schema is null ? null : TablePrefix.Apply(schema, _prefix));
}

internal sealed class PrefixedNpgsqlSqlGenerationHelper(RelationalSqlGenerationHelperDependencies dependencies, TablePrefixSetting setting)
    : Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal.NpgsqlSqlGenerationHelper(dependencies)
{
    private readonly string? _prefix = setting.Prefix;

    public override string DelimitIdentifier(string identifier) => base.DelimitIdentifier(TablePrefix.Apply(identifier, _prefix));

    public override void DelimitIdentifier(StringBuilder builder, string identifier) =>
        base.DelimitIdentifier(builder, TablePrefix.Apply(identifier, _prefix));

    public override string DelimitIdentifier(string name, string? schema) =>
        base.DelimitIdentifier(TablePrefix.Apply(name, _prefix), schema is null ? null : TablePrefix.Apply(schema, _prefix));

    public override void DelimitIdentifier(StringBuilder builder, string name, string? schema) =>
        base.DelimitIdentifier(builder, TablePrefix.Apply(name, _prefix), schema is null ? null : TablePrefix.Apply(schema, _prefix));
}
#pragma warning restore EF1001
