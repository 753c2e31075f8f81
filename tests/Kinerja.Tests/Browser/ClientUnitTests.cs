using System.Diagnostics;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Browser;

/// <summary>The web app's own unit tests (vitest, `npm test` in host/ClientApp), such as its Indonesian number parser.</summary>
public sealed class ClientUnitTests
{
    [Fact]
    public async Task Given_the_web_apps_unit_tests_Then_npm_test_passes_them_all()
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = Path.Combine(Repository.Root, "host", "ClientApp"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("test");
        start.ArgumentList.Add("--silent");
        start.Environment["NO_COLOR"] = "1";
        start.Environment["CI"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var report = $"{await output}\n{await error}";
        Assert.True(process.ExitCode == 0, $"npm test gagal ({process.ExitCode}):\n{report}");
        Assert.Matches(@"Tests\s+\d+ passed", report);
    }
}
