using Autofac;
using Kinerja.Modules.Sekretariat.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.Sekretariat;

/// <summary>Everything the Sekretariat module brings to the host, registered in one place.</summary>
public sealed class SekretariatModule : KinerjaModule
{
    public override string Name => "Sekretariat";

    protected override void Load(ContainerBuilder builder) =>
        builder.RegisterIndicatorData<SekretariatDbContext>(this, SekretariatDbContext.TablePrefixName, options => new SekretariatDbContext(options));
}
