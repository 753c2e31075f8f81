using Kinerja.Shared.Modules;

namespace Kinerja.Host.Commands;

internal static class CommandLine
{
    /// <summary>A first argument that is not a switch names a command (rollup, ...) instead of the server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

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
            switches.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                switches.Add(args[++i]);
            }
        }
        return [.. switches];
    }

    public static async Task<int> RunCommandAsync(this WebApplication app, string[] args)
    {
        var commands = app.Services.GetServices<IHostCommand>().ToList();
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await Console.Error.WriteLineAsync(
                $"Perintah '{args[0]}' tidak dikenal. Perintah yang ada: {string.Join(", ", commands.Select(c => c.Name).Order())}.");
            return 2;
        }
        return await command.RunAsync(args[1..], Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
    }
}
