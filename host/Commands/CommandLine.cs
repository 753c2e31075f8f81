using Kinerja.Shared.Modules;

namespace Kinerja.Host.Commands;

internal static class CommandLine
{
    /// <summary>A first argument that is not a switch names a command (rollup, ...) instead of the server; so does --help.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && (!args[0].StartsWith('-') || IsHelp(args[0]));

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "help" or "/?";

    /// <summary>
    /// The switches for configuration (--Kinerja:DataDirectory=...), without a command's words and file
    /// paths: .NET reads a word starting with '/' as a switch, and an absolute path would swallow the next one.
    /// </summary>
    public static string[] Switches(string[] args)
    {
        var switches = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            if (args[i].Contains('='))
            {
                switches.Add(args[i]);
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                switches.Add(args[i]);
                switches.Add(args[++i]);
            }
            // A command's flag without a value (restore --replace) is not a setting: .NET would take the next switch as its value.
        }
        return [.. switches];
    }

    /// <summary>The exit code of --help (0) or of a command the program does not have (2); null for a command it has.</summary>
    public static async Task<int?> RefuseOrHelpAsync(this WebApplication app, string[] args)
    {
        var commands = app.Services.GetServices<IHostCommand>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (IsHelp(args[0]))
        {
            await Console.Out.WriteLineAsync(Help(commands));
            return 0;
        }
        if (commands.Any(c => c.Name == args[0]))
        {
            return null;
        }
        await Console.Error.WriteLineAsync($"Perintah '{args[0]}' tidak dikenal.\n\n{Help(commands)}");
        return 2;
    }

    /// <summary>Whether the command runs before the start migrates and seeds the database (restore).</summary>
    public static bool RunsBeforeStart(this WebApplication app, string[] args) => Command(app, args) is IRunsBeforeStart;

    /// <summary>Exit code 2, the place named, for a command that needs a database where there is none (a wrong data directory).</summary>
    public static async Task<int?> RefuseWithoutDatabaseAsync(this WebApplication app, string[] args)
    {
        if (Command(app, args) is not Backups.IRefusesNoDatabase)
        {
            return null;
        }
        var engine = app.Services.GetRequiredService<Backups.IEngineBackup>();
        if ((await engine.TablesAsync(app.Lifetime.ApplicationStopping)).Count > 0)
        {
            return null;
        }
        await Console.Error.WriteLineAsync($"Tidak ada basis data Kinerja di {engine.Where}: periksa --Kinerja:DataDirectory "
            + "(atau ConnectionStrings:Kinerja) dan jalankan perintah sebagai pengguna layanan; tidak ada yang dibuat.");
        return 2;
    }

    public static async Task<int> RunCommandAsync(this WebApplication app, string[] args)
    {
        return await Command(app, args).RunAsync(args[1..], Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
    }

    private static IHostCommand Command(WebApplication app, string[] args) =>
        app.Services.GetServices<IHostCommand>().Single(c => c.Name == args[0]);

    private static string Help(IEnumerable<IHostCommand> commands) =>
        "Kinerja: tanpa perintah, menjalankan server web (alamat dari --Urls, data dari --Kinerja:DataDirectory).\n"
        + "Perintah:\n" + string.Join("\n", commands.Select(c => $"  {c.Name,-10} {c.Summary}"))
        + "\nPengaturan diberikan sebagai --Kunci=nilai, mis. --Kinerja:DataDirectory=./data.";
}
