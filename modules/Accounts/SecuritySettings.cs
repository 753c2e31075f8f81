using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.Modules.Accounts;

/// <summary>How tokens are signed and how long they last, and whether aggregates may be read without an account.</summary>
internal sealed record SecuritySettings(SymmetricSecurityKey SigningKey, TimeSpan TokenLifetime, bool PublicRead)
{
    public const string Issuer = "kinerja";
    public const string KeyFileName = "signing.key";

    /// <summary>
    /// The signing key is configured (Kinerja:Security:SigningKey, base64 of at least 32 bytes) or made once
    /// into the data directory; there is no built-in key.
    /// </summary>
    public static SecuritySettings From(IConfiguration configuration, string dataDirectory)
    {
        byte[] key;
        if (configuration["Kinerja:Security:SigningKey"] is { Length: > 0 } configured)
        {
            key = Convert.FromBase64String(configured);
            if (key.Length < 32)
            {
                throw new InvalidOperationException("Kinerja:Security:SigningKey harus base64 dari paling sedikit 32 bita.");
            }
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            var path = Path.Combine(dataDirectory, KeyFileName);
            if (!File.Exists(path))
            {
                CreateKeyFile(path);
            }
            key = ReadKeyFile(path);
        }
        var minutes = configuration.GetValue("Kinerja:Security:TokenMinutes", 480);
        var publicRead = configuration.GetValue("Kinerja:Security:PublicRead", false);
        return new SecuritySettings(new SymmetricSecurityKey(key), TimeSpan.FromMinutes(minutes), publicRead);
    }

    // Made with CreateNew, so of hosts starting at once on a new directory exactly one makes the key, and
    // written in one write of 64 bytes, which a read of the file sees whole or not at all.
    private static void CreateKeyFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Readable by the host's own user only.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        FileStream file;
        try
        {
            file = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            return; // another host made it first: that is the key
        }
        try
        {
            using (file)
            {
                file.Write(RandomNumberGenerator.GetBytes(64));
            }
        }
        catch
        {
            // No empty key left behind for the next start to wait on: the write's own error is the one to see.
            File.Delete(path);
            throw;
        }
    }

    // An empty file is one another host has made and not yet written: wait for its key.
    private static byte[] ReadKeyFile(string path)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var key = File.ReadAllBytes(path);
        while (key.Length == 0 && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(10);
            key = File.ReadAllBytes(path);
        }
        if (key.Length < 32)
        {
            throw new InvalidOperationException($"Berkas kunci {path} berisi {key.Length} bita, kurang dari 32: hapus berkas itu agar host membuat kunci baru.");
        }
        return key;
    }
}
