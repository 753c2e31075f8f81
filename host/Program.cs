using Kinerja.Host.Backups;
using Kinerja.Host.Commands;
using Kinerja.Host.Data;
using Kinerja.Host.Memory;
using Kinerja.Gateway;
using Kinerja.Host.Modules;
using Kinerja.Host.Scheduling;
using Kinerja.Modules.Accounts;
using Kinerja.Host.Web;

// Settings are read once, at start (the README says to restart after changing them): watching appsettings.json
// for changes watches the whole working folder, ./data with it, and cost an import of a million rows a twentieth
// of its CPU in the watcher's thread.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. CommandLine.Switches(args)]);
builder.AddSettingsBesideTheProgram(CommandLine.Switches(args));
try
{
    builder.AddKinerjaModules();
}
catch (ModuleConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
try
{
    builder.ApplyMemoryLimit();
    builder.AddKinerjaDatabase();
    builder.AddKinerjaBackups();
}
catch (SettingException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
builder.AddKinerjaAccounts(DatabaseHosting.DataDirectory(builder.Configuration));
builder.AddKinerjaScheduler();
builder.AddGraphQLGateway();
builder.AddWarmUp();
builder.AddKinerjaHealth();
builder.AddProxies();
builder.AddKinerjaMetrics();

var app = builder.Build();
// Help and a command the program does not have are answered before the start touches the data.
if (CommandLine.IsCommand(args) && await app.RefuseOrHelpAsync(args) is { } answered)
{
    return answered;
}
try
{
    if (CommandLine.IsCommand(args) && await app.RefuseWithoutDatabaseAsync(args) is { } refused)
    {
        return refused;
    }
    // restore and backup work on the database as it is: neither migrates it first (an older release may still run on it).
    if (CommandLine.IsCommand(args) && app.RunsBeforeStart(args))
    {
        return await app.RunCommandAsync(args);
    }
    await app.InitializeModulesAsync();
}
catch (Exception e) when (e is UnauthorizedAccessException or IOException)
{
    // The data directory of another user, a folder that cannot be made: said in a line, not a stack trace.
    await Console.Error.WriteLineAsync($"Data tidak dapat dibuka sebagai pengguna {Environment.UserName}: {e.Message} "
        + "(periksa --Kinerja:DataDirectory dan pemiliknya).");
    return 2;
}
if (CommandLine.IsCommand(args))
{
    return await app.RunCommandAsync(args);
}
app.HoldDataDirectoryLock();
app.UseProxiesAndHeaders();
app.MapKinerjaHealth();
app.MapKinerjaMetrics();
app.MapGraphQLGateway();
app.MapModuleEndpoints();
app.MapClientApp();
await app.RunAsync();
return 0;

public partial class Program;
