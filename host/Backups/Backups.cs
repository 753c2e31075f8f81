using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kinerja.Shared.Data;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Host.Backups;

/// <summary>A backup written and checked: where it is, its size and SHA-256, when it was made.</summary>
internal sealed record BackupFile(string Path, long Bytes, string Sha256, DateTimeOffset CreatedAt);

internal static partial class BackupFiles
{
    /// <summary>The names the host gives backups in its directory, the only ones retention removes and the Admin screen serves.</summary>
    [GeneratedRegex(@"^kinerja-\d{8}T\d{6}Z(-\d{1,3})?\.(db|pgdump)$", RegexOptions.CultureInvariant)]
    public static partial Regex Name();

    /// <summary>The suffix of a backup being written: it never has a final name until it is whole.</summary>
    public const string PartialSuffix = ".sebagian";

    /// <summary>A new file only its owner may read: a backup holds NIKs and password hashes.</summary>
    public static FileStream CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }

    public static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}

/// <summary>
/// Backups of the office's database: written under a partial name, checked, flushed and only then given their final
/// name; recorded in the database (with an audit row) so that every host's Admin screen lists them; the directory's
/// oldest beyond <see cref="BackupSettings.Keep"/> removed. The signing key is a file of its own, never in a backup: a
/// restored office signs in again.
/// </summary>
internal sealed class Backups(IEngineBackup engine, BackupSettings settings, IUnitOfWork unit, IAuditTrail audit,
    Func<BackupContext> createContext, TimeProvider clock, ILogger<Backups> logger)
{
    public BackupSettings Settings => settings;

    /// <summary>Writes a backup to <paramref name="path"/>, which must not exist yet.</summary>
    public async Task<BackupFile> WriteAsync(string path, CancellationToken cancellationToken)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new BackupException($"{path} sudah ada; cadangan tidak menimpa berkas.");
        }
        MakeDirectory(Path.GetDirectoryName(path)!);
        await _one.WaitAsync(cancellationToken);
        try
        {
            return await WriteInTurnAsync(path, cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }

    private static void MakeDirectory(string directory)
    {
        try
        {
            if (!Directory.Exists(directory))
            {
                BackupFiles.CreateOwnerOnlyDirectory(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused($"direktori cadangan {directory} tidak dapat dibuat", e);
        }
    }

    /// <summary>What the file system refused, in the administrator's words: who may not, rather than .NET's English.</summary>
    public static BackupException Refused(string what, Exception e) => new(e is UnauthorizedAccessException
        ? $"{what}: pengguna {Environment.UserName} tidak mempunyai hak atasnya."
        : $"{what}: {e.Message}");

    // One backup at a time in a host: a second asked for meanwhile waits, rather than both sharing the disk (or a name).
    private readonly SemaphoreSlim _one = new(1, 1);

    private async Task<BackupFile> WriteInTurnAsync(string path, CancellationToken cancellationToken)
    {
        var partial = path + BackupFiles.PartialSuffix;
        var createdAt = clock.GetUtcNow();
        try
        {
            BackupFiles.CreateOwnerOnly(partial).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A directory this user may not write, another process's backup under that name, a full disk.
            throw Refused($"{partial} tidak dapat dibuat", e);
        }
        try
        {
            await engine.WriteAsync(partial, cancellationToken);
            await engine.CheckAsync(partial, cancellationToken);
            var (bytes, sha256) = await FlushAndHashAsync(partial, cancellationToken);
            File.Move(partial, path);
            return new BackupFile(path, bytes, sha256, createdAt);
        }
        catch (Exception e)
        {
            File.Delete(partial);
            if (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                throw new BackupException($"{path} tidak dapat ditulis: {e.Message}");
            }
            throw;
        }
    }

    // On disk before it is named: a power cut after the rename finds the whole file, not an empty one.
    private static async Task<(long Bytes, string Sha256)> FlushAndHashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var hash = await SHA256.HashDataAsync(file, cancellationToken);
        file.Flush(flushToDisk: true);
        return (file.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>A backup into the configured directory under the next free name, recorded, then the oldest beyond Keep removed.</summary>
    public async Task<BackupFile> TakeAsync(string trigger, Caller caller, CancellationToken cancellationToken)
    {
        var file = await WriteIntoDirectoryAsync(cancellationToken);
        await RecordAsync(file, trigger, caller, cancellationToken);
        await RemoveBeyondKeepAsync(cancellationToken);
        return file;
    }

    /// <summary>A backup into the configured directory, not yet recorded (before a start's migrations, the table may not be there).</summary>
    public async Task<BackupFile> WriteIntoDirectoryAsync(CancellationToken cancellationToken)
    {
        var directory = settings.Directory;
        MakeDirectory(directory);
        await _one.WaitAsync(cancellationToken);
        try
        {
            try
            {
                RemoveStalePartials(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Refused($"direktori cadangan {directory} tidak dapat dibaca", e);
            }
            var stem = $"kinerja-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
            var path = Path.Combine(directory, stem + engine.Extension);
            for (var n = 2; File.Exists(path) || File.Exists(path + BackupFiles.PartialSuffix); n++)
            {
                path = Path.Combine(directory, $"{stem}-{n}{engine.Extension}");
            }
            return await WriteInTurnAsync(path, cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }

    // What a host killed while writing left behind; an hour old, so not one another process is writing now.
    private void RemoveStalePartials(string directory)
    {
        foreach (var partial in Directory.EnumerateFiles(directory, "kinerja-*" + BackupFiles.PartialSuffix))
        {
            if (File.GetLastWriteTimeUtc(partial) < clock.GetUtcNow().UtcDateTime.AddHours(-1))
            {
                logger.LogWarning("Sisa cadangan yang tidak selesai dihapus: {File}", partial);
                File.Delete(partial);
            }
        }
    }

    /// <summary>
    /// Records a backup, and for one in the backup directory removes the oldest beyond Keep; false, with why, where the
    /// database is not yet this release's (a backup before an upgrade, by the new program): the file stands unrecorded.
    /// </summary>
    public async Task<string?> TryRecordAsync(BackupFile file, string trigger, Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            await RecordAsync(file, trigger, caller, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException)
        {
            return (e.InnerException ?? e).Message;
        }
        if (Path.GetDirectoryName(file.Path) == settings.Directory)
        {
            await RemoveBeyondKeepAsync(cancellationToken);
        }
        return null;
    }

    /// <summary>Records a written backup and its audit row in one change; it reaches nothing a kept answer reads.</summary>
    public Task RecordAsync(BackupFile file, string trigger, Caller caller, CancellationToken cancellationToken) =>
        unit.RunAsync(async () =>
        {
            await using var db = createContext();
            db.Backups.Add(new BackupRecord
            {
                FileName = Path.GetFileName(file.Path),
                Directory = Path.GetDirectoryName(file.Path)!,
                Bytes = file.Bytes,
                Sha256 = file.Sha256,
                CreatedAt = file.CreatedAt,
                Trigger = trigger,
                HostName = Environment.MachineName,
            });
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(caller, new AuditEntry("cadangan dibuat", null, Path.GetFileName(file.Path), null, null, null,
                new { file = file.Path, bytes = file.Bytes, sha256 = file.Sha256, trigger }), cancellationToken);
            logger.LogInformation("Cadangan {File} dibuat ({Bytes} bita, {Trigger})", file.Path, file.Bytes, trigger);
            return true;
        }, cancellationToken, ChangeReach.Unanswered);

    private async Task RemoveBeyondKeepAsync(CancellationToken cancellationToken)
    {
        var old = new DirectoryInfo(settings.Directory).EnumerateFiles("kinerja-*")
            .Where(f => BackupFiles.Name().IsMatch(f.Name))
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Skip(settings.Keep)
            .ToList();
        if (old.Count == 0)
        {
            return;
        }
        foreach (var file in old)
        {
            file.Delete();
            logger.LogInformation("Cadangan lama {File} dihapus (Kinerja:Backup:Keep = {Keep})", file.FullName, settings.Keep);
        }
        var names = old.Select(f => f.Name).ToList();
        await unit.RunAsync(async () =>
        {
            await using var db = createContext();
            var now = clock.GetUtcNow();
            await db.Backups.Where(b => names.Contains(b.FileName) && b.Directory == settings.Directory && b.HostName == Environment.MachineName && b.RemovedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.RemovedAt, now), cancellationToken);
            return true;
        }, cancellationToken, ChangeReach.Unanswered);
    }

    /// <summary>The newest backups of every host, newest first.</summary>
    public async Task<IReadOnlyList<BackupRecord>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var rows = await db.Backups.AsNoTracking().OrderByDescending(b => b.Id).Take(limit).ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>A backup of this host's directory that an administrator may download: recorded, not removed, still there.</summary>
    public async Task<string?> DownloadableAsync(string fileName, CancellationToken cancellationToken)
    {
        if (!BackupFiles.Name().IsMatch(fileName))
        {
            return null;
        }
        await using var db = createContext();
        var recorded = await db.Backups.AsNoTracking().AnyAsync(b => b.FileName == fileName && b.Directory == settings.Directory
            && b.HostName == Environment.MachineName && b.RemovedAt == null, cancellationToken);
        var path = Path.Combine(settings.Directory, fileName);
        return recorded && File.Exists(path) ? path : null;
    }

    public static string Describe(BackupFile file) => $"{file.Path} ({IndonesianFormat.Number(file.Bytes)} bita, SHA-256 {file.Sha256})";
}
