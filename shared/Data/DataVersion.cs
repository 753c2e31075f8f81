using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>The data version: one row, raised by every committed change (<see cref="UnitOfWork"/>).</summary>
public sealed class DataVersionRecord
{
    public int Id { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// The platform's own table: the data version, which spans every module. In the schema <c>kinerja</c> on PostgreSQL;
/// the table keeps the name it was made with (<c>host_data_version</c>) so that installations keep their data.
/// </summary>
public sealed class DataVersionContext(DbContextOptions<DataVersionContext> options) : DbContext(options)
{
    /// <summary>The platform's schema on PostgreSQL, beside the modules' own.</summary>
    public const string Schema = "kinerja";

    public const string MigrationsHistoryTable = "__data_version_migrations";

    /// <summary>The history of the host's tables in databases made before the data version and accounts were migrated apart.</summary>
    public const string LegacyHistoryTable = "__host_migrations";

    /// <summary>Where that history ended, on SQLite and on PostgreSQL.</summary>
    public static readonly IReadOnlyList<string> LegacyMigrations = ["20261202091208_DataVersion", "20261202115456_Initial"];

    public DbSet<DataVersionRecord> DataVersions => Set<DataVersionRecord>();

    /// <summary>The kind the host migrates at start.</summary>
    public static DataContextKind Kind { get; } = DataContextKind.Of<DataVersionContext>(Schema, MigrationsHistoryTable, options => new(options))
        .WithLegacy(LegacyMigrations, LegacyHistoryTable);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseEngineConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseEngineSchema(this, Schema);
        modelBuilder.Entity<DataVersionRecord>(e =>
        {
            e.ToTable("host_data_version");
            e.Property(v => v.Id).ValueGeneratedNever();
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class DataVersionDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<DataVersionContext>
{
    public DataVersionContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<DataVersionContext>(args, DataVersionContext.Schema, DataVersionContext.MigrationsHistoryTable));
}
