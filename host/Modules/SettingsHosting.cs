using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Kinerja.Host.Modules;

internal static class SettingsHosting
{
    /// <summary>
    /// Reads the appsettings.json that ships beside the program as the lowest layer, so the host has its
    /// settings whichever folder it is started from; one in the working folder, the environment and the
    /// command line still win.
    /// </summary>
    public static void AddSettingsBesideTheProgram(this WebApplicationBuilder builder)
    {
        IConfigurationBuilder configuration = builder.Configuration;
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
        });
    }
}
