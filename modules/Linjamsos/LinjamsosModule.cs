using Autofac;
using Kinerja.Modules.Linjamsos.Data;
using Kinerja.Modules.Linjamsos.Registers;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Linjamsos;

/// <summary>Everything the Linjamsos module brings to the host, registered in one place.</summary>
public sealed class LinjamsosModule : KinerjaModule
{
    public const string ModuleName = "Linjamsos";

    public override string Name => ModuleName;

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterIndicatorData<LinjamsosDbContext>(this, LinjamsosDbContext.TablePrefixName, options => new LinjamsosDbContext(options));
        builder.RegisterServiceRegister<LinjamsosDbContext>(this);
        builder.RegisterType<TamanMakamPahlawanImporter>().As<IRegisterImporter>().SingleInstance();
        builder.RegisterType<TamanMakamPahlawanStock>().As<IStockCounter>().SingleInstance();
    }
}
