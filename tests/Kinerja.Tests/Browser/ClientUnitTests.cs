using Kinerja.Tests.Support;

namespace Kinerja.Tests.Browser;

/// <summary>The web app's own unit tests (vitest, `npm test` in host/ClientApp), such as its Indonesian number parser.</summary>
public sealed class ClientUnitTests
{
    [Fact]
    public async Task Given_the_web_apps_unit_tests_Then_npm_test_passes_them_all()
    {
        var (exitCode, report) = await Npm.RunAsync(Path.Combine(Repository.Root, "host", "ClientApp"), "test", "--silent");
        Assert.True(exitCode == 0, $"npm test gagal ({exitCode}):\n{report}");
        Assert.Matches(@"Tests\s+\d+ passed", report);
    }
}
