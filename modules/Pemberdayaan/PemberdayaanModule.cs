using Autofac;
using Kinerja.Modules.Pemberdayaan.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.Pemberdayaan;

/// <summary>Everything the Pemberdayaan module brings to the host, registered in one place.</summary>
public sealed class PemberdayaanModule : KinerjaModule
{
    public override string Name => "Pemberdayaan";

    protected override void Load(ContainerBuilder builder) =>
        builder.RegisterIndicatorData<PemberdayaanDbContext>(this, PemberdayaanDbContext.TablePrefixName, options => new PemberdayaanDbContext(options));
}
