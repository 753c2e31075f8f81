using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Host.Backups;

/// <summary>A backup written by one of the office's hosts: where, how big, its SHA-256, why, and when retention removed it.</summary>
internal sealed class BackupRecord
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>The directory it was written to, on <see cref="HostName"/>.</summary>
    public string Directory { get; set; } = "";
    public long Bytes { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string Trigger { get; set; } = "";
    public string HostName { get; set; } = "";
    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>
/// The host's record of backups, in the platform's schema <c>kinerja</c> beside the data version: every host of the
/// office lists the backups any of them wrote.
/// </summary>
internal sealed class BackupContext(DbContextOptions<BackupContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__backup_migrations";

    public DbSet<BackupRecord> Backups => Set<BackupRecord>();

    public static DataContextKind Kind { get; } =
        DataContextKind.Of<BackupContext>(DataVersionContext.Schema, MigrationsHistoryTable, options => new(options));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseEngineConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseEngineSchema(this, DataVersionContext.Schema);
        modelBuilder.Entity<BackupRecord>(e =>
        {
            e.ToTable("host_backups");
            e.Property(b => b.FileName).HasMaxLength(100);
            e.Property(b => b.Directory).HasMaxLength(1000);
            e.Property(b => b.Sha256).HasMaxLength(64);
            e.Property(b => b.Trigger).HasMaxLength(30);
            e.Property(b => b.HostName).HasMaxLength(255);
            e.HasIndex(b => b.CreatedAt);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class BackupDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<BackupContext>
{
    public BackupContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<BackupContext>(args, DataVersionContext.Schema, BackupContext.MigrationsHistoryTable));
}
