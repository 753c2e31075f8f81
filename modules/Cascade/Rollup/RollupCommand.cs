using System.Globalization;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.Rollup;

/// <summary><c>rollup --year 2026 --quarter 1</c>: the quarterly rollup once, from the command line.</summary>
internal sealed class RollupCommand : IHostCommand
{
    private readonly RollupService _rollups;

    public RollupCommand(RollupService rollups) => _rollups = rollups;

    public string Name => "rollup";

    public string Summary => "menjalankan rollup triwulan yang sudah berakhir dan menutupnya (--year, --quarter)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryReadInt(args, "--year", out var year) || !TryReadInt(args, "--quarter", out var quarter))
        {
            await error.WriteLineAsync("Pemakaian: rollup --year TAHUN --quarter TRIWULAN (1-4)");
            return 2;
        }
        Snapshot snapshot;
        try
        {
            snapshot = await _rollups.RunAsync(Caller.CommandLine, year, quarter, cancellationToken);
        }
        catch (InputException e)
        {
            await error.WriteLineAsync($"Rollup ditolak: {e.Message}");
            return 2;
        }

        await output.WriteLineAsync($"Rollup {year} triwulan {quarter}, revisi {snapshot.Revision}, {snapshot.CreatedAt:yyyy-MM-dd'T'HH:mm:sszzz}");
        foreach (var cumulative in new[] { false, true })
        {
            await output.WriteLineAsync(cumulative ? $"IKU s.d. triwulan {quarter}:" : $"IKU triwulan {quarter}:");
            await output.WriteLineAsync($"  {"kode",-7} {"nilai",10} {"target",10} {"capaian",10}  predikat");
            foreach (var value in snapshot.Values.Where(v => v.Indicator.Level == IndicatorLevel.Iku && v.Period.Cumulative == cumulative))
            {
                await output.WriteLineAsync(
                    $"  {value.Indicator.Code,-7} {Number(value.Value),10} {Number(value.Target),10} {Number(value.Achievement),10}  {value.Predicate ?? Status(value.Status)}");
            }
        }
        return 0;
    }

    private static string Number(double? x) => x?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-";

    private static string Status(ValueStatus status) => status switch
    {
        ValueStatus.NoData => "(belum ada data)",
        ValueStatus.Undefined => "(penyebut 0)",
        ValueStatus.ModuleDisabled => "(modul tidak aktif)",
        _ => "-",
    };

    private static bool TryReadInt(IReadOnlyList<string> args, string name, out int value) =>
        int.TryParse(CommandOptions.Value(args, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
