using Autofac;
using Kinerja.Modules.Linjamsos.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.Linjamsos;

/// <summary>Everything the Linjamsos module brings to the host, registered in one place.</summary>
public sealed class LinjamsosModule : KinerjaModule
{
    public override string Name => "Linjamsos";

    protected override void Load(ContainerBuilder builder) =>
        builder.RegisterIndicatorData<LinjamsosDbContext>(this, LinjamsosDbContext.TablePrefixName, options => new LinjamsosDbContext(options));
}
