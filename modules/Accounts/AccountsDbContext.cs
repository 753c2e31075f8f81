using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Modules.Accounts;

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

    /// <summary>A disabled account cannot sign in, and its tokens are refused.</summary>
    public bool Disabled { get; set; }

    /// <summary>
    /// Raised by every change that must end the account's tokens (disabled, a new password, other roles or unit): a
    /// token carries the stamp it was issued at and is refused once it is not the account's.
    /// </summary>
    public long Stamp { get; set; }

    /// <summary>When an administrator or the account itself last changed it; null if never since it was made.</summary>
    public DateTimeOffset? ChangedAt { get; set; }
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

/// <summary>
/// The accounts and the audit trail, in the platform's schema (<c>kinerja</c>) on PostgreSQL. The tables keep the names
/// they were made with when the host kept them (<c>host_accounts</c>, <c>host_audit_trail</c>), so installations keep their data.
/// </summary>
internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : DbContext(options)
{
    private const string TablePrefix = "host";

    public const string MigrationsHistoryTable = "__accounts_migrations";

    public DbSet<AccountRecord> Accounts => Set<AccountRecord>();
    public DbSet<AuditRecord> AuditTrail => Set<AuditRecord>();

    public const string AccountsTable = $"{TablePrefix}_accounts";

    /// <summary>The kind the module migrates at start; a database made before kept these tables under the host's history.</summary>
    public static DataContextKind Kind { get; } = DataContextKind.Of<AccountsDbContext>(DataVersionContext.Schema, MigrationsHistoryTable,
            options => new(options))
        .WithLegacy(DataVersionContext.LegacyMigrations, DataVersionContext.LegacyHistoryTable);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseEngineConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseEngineSchema(this, DataVersionContext.Schema);
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
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the running host, for SQLite or (<c>-- postgresql</c>) PostgreSQL.</summary>
internal sealed class AccountsDesignTimeFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<AccountsDbContext>(args, DataVersionContext.Schema, AccountsDbContext.MigrationsHistoryTable));
}
