using Kinerja.Shared.Data;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Accounts;

/// <summary>
/// <c>user add NAME --role ROLE[,ROLE] [--unit CODE]</c>: makes an account, the first administrator too.
/// The password is read from standard input, so it stays out of the shell's history.
/// </summary>
internal sealed class UserCommand(AccountService accounts, IAuditTrail audit, IUnitOfWork work) : IHostCommand
{
    public string Name => "user";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count < 2 || args[0] != "add" || args[1].StartsWith('-'))
        {
            await error.WriteLineAsync("Pemakaian: user add NAMA --role PERAN[,PERAN] [--unit KODE_UNIT]   (kata sandi dibaca dari masukan standar)");
            return 2;
        }
        var userName = args[1];
        var roles = CommandOptions.Value(args, "--role")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        var unit = CommandOptions.Value(args, "--unit");
        var password = await Console.In.ReadLineAsync(cancellationToken) ?? "";
        try
        {
            await work.RunAsync(async () =>
            {
                await accounts.CreateAsync(userName, password, roles, unit, cancellationToken);
                await audit.RecordAsync(Caller.CommandLine,
                    new AuditEntry("akun dibuat", unit, userName, null, null, null, new { userName, roles, unit }), cancellationToken);
                return userName;
            }, cancellationToken);
        }
        catch (InputException e)
        {
            await error.WriteLineAsync($"Akun tidak dibuat: {e.Message}");
            return 2;
        }
        await output.WriteLineAsync($"Akun {userName} dibuat: peran {string.Join(", ", roles)}{(unit is null ? "" : $", unit {unit}")}.");
        return 0;
    }
}
