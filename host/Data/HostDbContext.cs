using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Host.Data;

/// <summary>An account: a salted slow hash of its password (never the password), its roles and its unit.</summary>
internal sealed class AccountRecord
{
    public required string UserName { get; set; }
    public required string PasswordHash { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? Unit { get; set; }
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One change, as it happened: who, when, what, before and after, from where. Never updated.</summary>
internal sealed class AuditRecord
{
    public long Id { get; set; }

    /// <summary>UTC; a DateTime rather than an offset so that SQLite can compare it in a query.</summary>
    public DateTime AtUtc { get; set; }

    public required string User { get; set; }
    public required string Action { get; set; }
    public string? Unit { get; set; }
    public string? Code { get; set; }
    public int? Year { get; set; }
    public int? Quarter { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string Origin { get; set; }
}

/// <summary>The data version: one row, raised by every committed change.</summary>
internal sealed class DataVersionRecord
{
    public int Id { get; set; }
    public long Version { get; set; }
}

/// <summary>The host's own tables: accounts, the audit trail and the data version, which span every module.</summary>
internal sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
{
    public const string TablePrefix = "host";

    /// <summary>The host's schema on PostgreSQL.</summary>
    public const string Schema = "kinerja";

    public DbSet<AccountRecord> Accounts => Set<AccountRecord>();
    public DbSet<AuditRecord> AuditTrail => Set<AuditRecord>();
    public DbSet<DataVersionRecord> DataVersions => Set<DataVersionRecord>();

    public const string DataVersionTable = $"{TablePrefix}_data_version";
    public const string MigrationsHistoryTable = $"__{TablePrefix}_migrations";
    public const string AccountsTable = $"{TablePrefix}_accounts";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseEngineConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseEngineSchema(this, Schema);
        modelBuilder.Entity<AccountRecord>(e =>
        {
            e.ToTable(AccountsTable);
            e.HasKey(a => a.UserName);
            e.PrimitiveCollection(a => a.Roles);
        });
        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable($"{TablePrefix}_audit_trail");
            e.HasIndex(a => a.AtUtc);
            e.HasIndex(a => new { a.Unit, a.Code });
            e.HasIndex(a => a.User);
        });
        modelBuilder.Entity<DataVersionRecord>(e =>
        {
            e.ToTable(DataVersionTable);
            e.Property(v => v.Id).ValueGeneratedNever();
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the running host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class HostDesignTimeFactory : IDesignTimeDbContextFactory<HostDbContext>
{
    public HostDbContext CreateDbContext(string[] args) => new(DesignTimeOptions.For<HostDbContext>(
        args, HostDbContext.Schema, HostDbContext.MigrationsHistoryTable));
}
