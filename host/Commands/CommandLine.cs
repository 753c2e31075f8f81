using Kinerja.Shared.Modules;

namespace Kinerja.Host.Commands;

internal static class CommandLine
{
    /// <summary>A first argument that is not a switch names a command (rollup, ...) instead of the server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

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
