using Autofac;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;

namespace Kinerja.Shared.Modules;

/// <summary>
/// One organisational module. The host knows a module only through this class: its name, the part of the catalog it
/// owns, and the Autofac registrations it brings when it is enabled. Every module keeps its indicator data (the shape
/// every module shares, under its table prefix); what else it keeps and serves, it registers in <see cref="Register"/>.
/// </summary>
public abstract class KinerjaModule : Autofac.Module
{
    private readonly Lazy<ModuleCatalog> _catalog;

    protected KinerjaModule()
    {
        _catalog = new Lazy<ModuleCatalog>(() => ModuleCatalog.FromEmbeddedResource(GetType().Assembly));
    }

    public abstract string Name { get; }

    public ModuleCatalog Catalog => _catalog.Value;

    /// <summary>Whether a deployment may leave this module out (the office level may not).</summary>
    public virtual bool Optional => true;

    /// <summary>
    /// Where the module's units stand in the Dinas's order (the seed's: the office, the Sekretariat, the Bidang, the UPT),
    /// which orders the catalog, the lists and the reports; a module without one comes last, by name.
    /// </summary>
    public virtual int Position => int.MaxValue;

    /// <summary>The prefix of the module's tables (and its schema on PostgreSQL): its name in lower case.</summary>
    public string TablePrefix => Name.ToLowerInvariant();

    /// <summary>
    /// Where the module's one migration history ended, on each engine, in databases made before its tables were migrated
    /// by kind (indicator data, services, its own); none for a module that came after.
    /// </summary>
    public virtual IReadOnlyList<string> LegacyMigrations => [];

    protected sealed override void Load(ContainerBuilder builder)
    {
        builder.RegisterIndicatorData(this);
        Register(builder);
    }

    /// <summary>What the module brings beyond its indicator data: registers, services, GraphQL fields, commands.</summary>
    protected virtual void Register(ContainerBuilder builder)
    {
    }
}
