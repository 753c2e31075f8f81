using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;

namespace Kinerja.Host.Backups;

/// <summary>
/// <c>backup [--out FILE]</c>: a backup while the host serves, into FILE or the backup directory. It works on the database
/// as it is, before any start's work: a database of another release is backed up, not migrated under the host that still
/// runs on it (and is then not recorded, its table may not be there). A wrong data directory is said, not backed up as a
/// new empty office.
/// </summary>
internal sealed class BackupCommand(Backups backups) : IHostCommand, IRefusesNoDatabase, IRunsBeforeStart
{
    public string Name => "backup";

    public string Summary => "mencadangkan basis data selagi host berjalan (--out BERKAS, atau ke Kinerja:Backup:Directory)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var path = CommandOptions.Value(args, "--out");
        if (path is { Length: 0 })
        {
            await error.WriteLineAsync("Pemakaian: backup [--out BERKAS]");
            return 2;
        }
        try
        {
            var file = path is null ? await backups.WriteIntoDirectoryAsync(cancellationToken) : await backups.WriteAsync(path, cancellationToken);
            var unrecorded = await backups.TryRecordAsync(file, "perintah", Caller.CommandLine, cancellationToken);
            await output.WriteLineAsync($"Cadangan dibuat: {Backups.Describe(file)}. Berkas ini berisi NIK dan hash kata sandi: simpan hanya di tempat yang aman."
                + (unrecorded is null ? "" : $" Basis data ini belum dibuka oleh versi program ini, dan tidak diubah: cadangan tidak dicatat di layar Admin ({unrecorded})."));
            return 0;
        }
        catch (BackupException e)
        {
            await error.WriteLineAsync($"Cadangan gagal: {e.Message}");
            return 1;
        }
    }
}

/// <summary>
/// <c>restore FILE [--replace]</c>: puts a backup in place of the configured database before anything else touches it.
/// The file is checked whole first; a database that holds data is refused unless --replace is given.
/// </summary>
internal sealed class RestoreCommand(IEngineBackup engine, IConfiguration configuration) : IHostCommand, IRunsBeforeStart
{
    public string Name => "restore";

    public string Summary => "memulihkan cadangan ke data directory atau basis data yang kosong (--replace untuk menimpa)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count != 1)
        {
            await error.WriteLineAsync($"Pemakaian: restore BERKAS [--replace] (berkas {engine.Extension} dari perintah backup)");
            return 2;
        }
        var replace = args.Contains("--replace");
        var file = Path.GetFullPath(files[0]);
        try
        {
            if (!File.Exists(file))
            {
                throw new BackupException($"{file} tidak ada.");
            }
            try
            {
                File.OpenRead(file).Dispose();
            }
            catch (UnauthorizedAccessException e)
            {
                throw Backups.Refused($"{file} tidak dapat dibaca", e);
            }
            await engine.CheckAsync(file, cancellationToken);
            var tables = await engine.TablesAsync(cancellationToken);
            if (tables.Count > 0 && !replace)
            {
                await error.WriteLineAsync($"Pemulihan ditolak: basis data tujuan {engine.Where} sudah berisi data (tabel {string.Join(", ", tables.Take(5))}"
                    + $"{(tables.Count > 5 ? " dan lainnya" : "")}). Pulihkan ke data directory atau basis data yang kosong, atau beri --replace "
                    + "setelah menghentikan host; tidak ada yang ditulis.");
                return 2;
            }
            if (!Data.DataDirectoryLock.IsFree(Data.DatabaseHosting.DataDirectory(configuration)))
            {
                throw new BackupException($"sebuah host masih berjalan pada data directory {Data.DatabaseHosting.DataDirectory(configuration)}: hentikan host dulu, lalu pulihkan.");
            }
            var keptAt = await engine.RestoreAsync(file, replace, cancellationToken);
            await output.WriteLineAsync($"Dipulihkan dari {file} ke {engine.Where}."
                + (keptAt is null ? "" : $" Data sebelumnya disimpan sebagai {keptAt}.")
                + " Kunci penandatangan token (signing.key) tidak ada dalam cadangan: di host dengan kunci lain, setiap pengguna masuk lagi.");
            return 0;
        }
        catch (BackupException e)
        {
            await error.WriteLineAsync($"Pemulihan gagal, tidak ada yang diubah: {e.Message}");
            return 2;
        }
    }
}

/// <summary>A command that works on an office's data only: refused, naming the place, where there is no database yet.</summary>
internal interface IRefusesNoDatabase;
