using Autofac;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.UptLbk;

/// <summary>The UPT: its indicator and the services register it is counted from.</summary>
public sealed class UptLbkModule : KinerjaModule
{
    public override string Name => "UptLbk";

    public override int Position => 5;

    public override IReadOnlyList<string> LegacyMigrations => ["20261129130759_Verification", "20261202115439_Initial"];

    protected override void Register(ContainerBuilder builder) => builder.RegisterServiceRegister(this);
}
