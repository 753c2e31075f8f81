using Kinerja.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests.Host;

public sealed class SettingsTests
{
    /// <summary>
    /// A file source that reloads on change watches the whole working folder, ./data with it: every write of
    /// the database woke the watcher. Settings are read once, at start.
    /// </summary>
    [Fact]
    public async Task Given_a_started_host_Then_no_settings_file_is_watched_for_changes()
    {
        await using var host = new KinerjaHost();

        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched"));
    }
}
