using Autofac;
using Kinerja.Modules.UptLbk.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.UptLbk;

/// <summary>Everything the UptLbk module brings to the host, registered in one place.</summary>
public sealed class UptLbkModule : KinerjaModule
{
    public override string Name => "UptLbk";

    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterIndicatorData<UptLbkDbContext>(this, UptLbkDbContext.TablePrefixName, options => new UptLbkDbContext(options));
        builder.RegisterServiceRegister<UptLbkDbContext>(this);
    }
}
