using Kinerja.Shared.Modules;

namespace Kinerja.Modules.Sekretariat;

/// <summary>The Sekretariat and its Subbagian: their indicators, entered by their operators.</summary>
public sealed class SekretariatModule : KinerjaModule
{
    public override string Name => "Sekretariat";

    public override int Position => 1;

    public override IReadOnlyList<string> LegacyMigrations => ["20261129130734_Verification", "20261202115405_Initial"];
}
