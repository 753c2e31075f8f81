using Autofac;
using Kinerja.Modules.Pemberdayaan.Data;
using Kinerja.Modules.Pemberdayaan.Registers;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Pemberdayaan;

/// <summary>Bidang Pemberdayaan Sosial and its Seksi: their indicators, the services register, and the PMKS and PSKS registers the base-data stocks are counted from.</summary>
public sealed class PemberdayaanModule : KinerjaModule
{
    public const string ModuleName = "Pemberdayaan";

    public override string Name => ModuleName;

    public override int Position => 4;

    public override IReadOnlyList<string> LegacyMigrations => ["20261202091631_StockCounts", "20261202115432_Initial"];

    protected override void Register(ContainerBuilder builder)
    {
        builder.RegisterServiceRegister(this);
        builder.RegisterModuleData<PemberdayaanDbContext>(this, options => new(options));
        builder.RegisterType<PemberdayaanStocks>().As<IStockCounter>().SingleInstance();
        builder.RegisterType<PmksImporter>().As<IRegisterImporter>().SingleInstance();
        builder.RegisterType<PsksImporter>().As<IRegisterImporter>().SingleInstance();
    }
}
