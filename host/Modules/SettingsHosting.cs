namespace Kinerja.Host.Modules;

internal static class SettingsHosting
{
    /// <summary>
    /// Started from another folder (dotnet run works where it is typed), the host still reads the
    /// appsettings.json that ships beside it. The environment and the command line are added again on top,
    /// so they still win over the file.
    /// </summary>
    public static void AddSettingsBesideTheProgram(this WebApplicationBuilder builder, string[] args)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var here = Path.Combine(builder.Environment.ContentRootPath, "appsettings.json");
        if (File.Exists(here) || !File.Exists(beside))
        {
            return;
        }
        builder.Configuration.AddJsonFile(beside, optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
    }
}
