using Autofac;
using Kinerja.Modules.Linjamsos.Data;
using Kinerja.Modules.Linjamsos.Registers;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Linjamsos;

/// <summary>Bidang Perlindungan dan Jaminan Sosial and its Seksi: their indicators, the services register and the register of Taman Makam Pahlawan.</summary>
public sealed class LinjamsosModule : KinerjaModule
{
    public const string ModuleName = "Linjamsos";

    public override string Name => ModuleName;

    public override int Position => 3;

    public override IReadOnlyList<string> LegacyMigrations => ["20261129130747_Verification", "20261202115424_Initial"];

    protected override void Register(ContainerBuilder builder)
    {
        builder.RegisterServiceRegister(this);
        builder.RegisterModuleData<LinjamsosDbContext>(this, options => new(options));
        builder.RegisterType<TamanMakamPahlawanImporter>().As<IRegisterImporter>().SingleInstance();
        builder.RegisterType<TamanMakamPahlawanStock>().As<IStockCounter>().SingleInstance();
    }
}
