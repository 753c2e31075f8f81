namespace Kinerja.Host.Data;

/// <summary>
/// A lock file in the data directory that every serving host holds shared for as long as it runs (.NET takes it with
/// flock on Unix, LockFile on Windows, and the system drops it when the process dies): a restore that would replace the
/// database takes it exclusive, and so sees a host still running even when that host has no connection open.
/// </summary>
internal static class DataDirectoryLock
{
    public const string FileName = "kinerja.lock";

    /// <summary>Held by the serving host until it stops.</summary>
    public static void HoldDataDirectoryLock(this WebApplication app)
    {
        var path = Path.Combine(DatabaseHosting.DataDirectory(app.Configuration), FileName);
        var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        app.Lifetime.ApplicationStopped.Register(held.Dispose);
    }

    /// <summary>Whether no host holds the data directory now; the exclusive lock is let go at once.</summary>
    public static bool IsFree(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return true;
        }
        try
        {
            using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
