using Autofac;
using Kinerja.Modules.Pemberdayaan.Data;
using Kinerja.Modules.Pemberdayaan.Registers;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Pemberdayaan;

/// <summary>Everything the Pemberdayaan module brings to the host, registered in one place.</summary>
public sealed class PemberdayaanModule : KinerjaModule
{
    public const string ModuleName = "Pemberdayaan";

    public override string Name => ModuleName;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterIndicatorData<PemberdayaanDbContext>(this, PemberdayaanDbContext.TablePrefixName, options => new PemberdayaanDbContext(options));
        builder.RegisterServiceRegister<PemberdayaanDbContext>(this);
        builder.RegisterType<PemberdayaanStocks>().As<IStockCounter>().SingleInstance();
        builder.RegisterType<PmksImporter>().As<IRegisterImporter>().SingleInstance();
        builder.RegisterType<PsksImporter>().As<IRegisterImporter>().SingleInstance();
    }
}
