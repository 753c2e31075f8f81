using Autofac;
using Kinerja.Modules.Rehabilitasi.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.Rehabilitasi;

/// <summary>Everything the Rehabilitasi module brings to the host, registered in one place.</summary>
public sealed class RehabilitasiModule : KinerjaModule
{
    public override string Name => "Rehabilitasi";

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterIndicatorData<RehabilitasiDbContext>(this, RehabilitasiDbContext.TablePrefixName, options => new RehabilitasiDbContext(options));
        builder.RegisterServiceRegister<RehabilitasiDbContext>(this);
    }
}
