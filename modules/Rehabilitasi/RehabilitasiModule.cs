using Autofac;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.Rehabilitasi;

/// <summary>Bidang Rehabilitasi Sosial and its Seksi: their indicators and the services register they count them from.</summary>
public sealed class RehabilitasiModule : KinerjaModule
{
    public override string Name => "Rehabilitasi";

    public override int Position => 2;

    public override IReadOnlyList<string> LegacyMigrations => ["20261129130740_Verification", "20261202115415_Initial"];

    protected override void Register(ContainerBuilder builder) => builder.RegisterServiceRegister(this);
}
