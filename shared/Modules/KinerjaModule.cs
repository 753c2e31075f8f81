using Autofac;
using Kinerja.Shared.Catalog;

namespace Kinerja.Shared.Modules;

/// <summary>
/// One organisational module. The host knows a module only through this class: its name, the part of the
/// catalog it owns, and the Autofac registrations it brings when it is enabled.
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
}
