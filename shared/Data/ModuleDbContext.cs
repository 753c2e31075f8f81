using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// A module's context of tables of its own (its registers, its settings): named with the module's prefix, in the
/// module's schema on PostgreSQL, migrated with its own history (<see cref="IndicatorDataRegistration.RegisterModuleData"/>).
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, string prefix) : DbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseEngineConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseEngineSchema(this, prefix);
}
