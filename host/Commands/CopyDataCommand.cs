using System.Diagnostics;
using System.Globalization;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;

namespace Kinerja.Host.Commands;

/// <summary>
/// <c>copy-data --to-postgres "CONNECTION STRING"</c>: moves an office from its SQLite file to PostgreSQL.
/// The target's schemas are made by the PostgreSQL migrations, then every table of the host and of the
/// enabled modules is copied in one transaction. A target that already holds data is refused untouched.
/// </summary>
internal sealed class CopyDataCommand(IEnumerable<DataContextKind> kinds, IDatabaseProvider database) : IHostCommand
{
    public const string TargetOption = "--to-postgres";

    public string Name => "copy-data";

    public string Summary => "menyalin seluruh data SQLite ke PostgreSQL yang dikonfigurasi";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (CommandOptions.Value(args, TargetOption) is not { Length: > 0 } connectionString)
        {
            await error.WriteLineAsync($"Pemakaian: copy-data {TargetOption} \"Host=...;Database=...;Username=...;Password=...\"");
            return 2;
        }
        var target = new Kinerja.Host.Data.PostgreSqlDatabaseProvider(connectionString);
        var copier = new DataCopier([.. kinds], database, target);
        var clock = Stopwatch.StartNew();
        try
        {
            var filled = await copier.TablesWithDataAsync(cancellationToken);
            if (filled.Count > 0)
            {
                await error.WriteLineAsync($"Penyalinan ditolak: basis data tujuan sudah berisi data (tabel {string.Join(", ", filled.Take(5))}"
                    + $"{(filled.Count > 5 ? $" dan {filled.Count - 5} lainnya" : "")}). copy-data hanya mengisi basis data PostgreSQL yang kosong; tidak ada yang ditulis.");
                return 2;
            }
            await copier.MigrateTargetAsync(cancellationToken);
            await output.WriteLineAsync("Skema dan tabel PostgreSQL dibuat dengan migrasinya. Menyalin:");
            long total = 0;
            var copied = await copier.CopyAsync((table, rows) =>
            {
                total += rows;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-56} {rows,12:N0} baris"));
            }, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Selesai: {copied.Count} tabel, {total:N0} baris, dalam {clock.Elapsed.TotalSeconds:0.0} s. Jadwal rollup dibuat saat host pertama kali dimulai pada PostgreSQL."));
            return 0;
        }
        catch (Npgsql.NpgsqlException e)
        {
            await error.WriteLineAsync($"Penyalinan gagal, tidak ada yang disalin: {e.Message}");
            return 1;
        }
    }

}
