using Kinerja.Shared.Errors;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Accounts;

/// <summary>
/// <c>user add|list|disable|enable|passwd</c>: the accounts from the command line, the first administrator's too. Passwords
/// are read from standard input, so they stay out of the shell's history.
/// </summary>
// The accounts come when the command runs: --help lists it without making the signing key or the data directory.
internal sealed class UserCommand(Lazy<AccountService> lazyAccounts) : IHostCommand
{
    private const string Usage = """
        Pemakaian:
          user add NAMA --role PERAN[,PERAN] [--unit KODE_UNIT]   (kata sandi dibaca dari masukan standar)
          user list
          user disable NAMA
          user enable NAMA
          user passwd NAMA                                          (kata sandi baru dibaca dari masukan standar)
        """;

    public string Name => "user";

    public string Summary => "akun: add, list, disable, enable, passwd";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var accounts = lazyAccounts.Value;
        var verb = args.Count > 0 ? args[0] : "";
        var name = args.Count > 1 && !args[1].StartsWith('-') ? args[1] : null;
        try
        {
            switch (verb)
            {
                case "list":
                    foreach (var a in await accounts.ListAsync(Caller.CommandLine, cancellationToken))
                    {
                        await output.WriteLineAsync($"{a.UserName}\t{string.Join(",", a.Roles)}\t{a.Unit ?? "-"}\t{(a.Disabled ? "nonaktif" : "aktif")}");
                    }
                    return 0;
                case "add" when name is not null:
                    var input = new AccountInput
                    {
                        Username = name,
                        Password = await Console.In.ReadLineAsync(cancellationToken) ?? "",
                        Roles = [.. CommandOptions.Value(args, "--role")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []],
                        Unit = CommandOptions.Value(args, "--unit"),
                    };
                    await accounts.CreateAsync(Caller.CommandLine, input, cancellationToken);
                    await output.WriteLineAsync($"Akun {name} dibuat: peran {string.Join(", ", input.Roles)}{(input.Unit is null ? "" : $", unit {input.Unit}")}.");
                    return 0;
                case "disable" or "enable" when name is not null:
                    await accounts.SetDisabledAsync(Caller.CommandLine, name, verb == "disable", cancellationToken);
                    await output.WriteLineAsync(verb == "disable" ? $"Akun {name} dinonaktifkan; tokennya tidak berlaku lagi." : $"Akun {name} diaktifkan.");
                    return 0;
                case "passwd" when name is not null:
                    await accounts.ResetPasswordAsync(Caller.CommandLine, name, await Console.In.ReadLineAsync(cancellationToken) ?? "", cancellationToken);
                    await output.WriteLineAsync($"Kata sandi {name} diganti; tokennya tidak berlaku lagi.");
                    return 0;
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (InputException e)
        {
            await error.WriteLineAsync($"Ditolak: {e.Message}");
            return 2;
        }
    }
}
