using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kinerja.Host.Data;
using Kinerja.Host.Memory;
using Kinerja.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Tests.Host;

/// <summary>The managed heap's bound, <c>Kinerja:Memory:HeapLimitMegabytes</c>: a default, checked values, and the runtime holding to it.</summary>
public sealed partial class MemoryLimitTests
{
    private static ulong? Read(string? value) =>
        MemoryLimit.Bytes(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [MemoryLimit.Setting] = value }).Build());

    [Fact]
    public void Given_no_setting_Then_the_heap_is_bounded_by_the_default()
    {
        Assert.Equal((ulong)MemoryLimit.DefaultMegabytes * 1024 * 1024, Read(null));
        Assert.Equal((ulong)MemoryLimit.DefaultMegabytes * 1024 * 1024, Read(""));
    }

    [Theory]
    [InlineData("64", 64)]
    [InlineData("512", 512)]
    [InlineData("1048576", 1048576)]
    public void Given_megabytes_Then_the_bound_is_that_many(string value, ulong megabytes) => Assert.Equal(megabytes << 20, Read(value));

    [Fact]
    public void Given_zero_Then_there_is_no_bound_of_Kinerja() => Assert.Null(Read("0"));

    [Theory]
    [InlineData("63")]
    [InlineData("-1")]
    [InlineData("+256")]
    [InlineData(" 256")]
    [InlineData("256MB")]
    [InlineData("1e3")]
    [InlineData("256.5")]
    [InlineData("1048577")]
    [InlineData("99999999999999999999")]
    public void Given_a_wrong_value_Then_the_start_is_refused_naming_the_setting(string value)
    {
        var refused = Assert.Throws<SettingException>(() => Read(value));
        Assert.StartsWith(MemoryLimit.Setting, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The Web SDK turns the server GC on unless the project says otherwise (ServerGarbageCollection, not ...Collector).</summary>
    [Fact]
    public void Given_the_built_program_Then_it_runs_the_workstation_GC()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Kinerja.Host.runtimeconfig.json")));

        Assert.False(config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.Server").GetBoolean());
    }

    [Fact]
    public async Task Given_a_wrong_value_When_a_command_runs_Then_it_stops_with_the_reason()
    {
        using var data = new TempDirectory();
        var (code, _, error) = await HostProcess.RunAsync(TimeSpan.FromMinutes(2), "user", "list", $"--Kinerja:DataDirectory={data.Path}",
            $"--{MemoryLimit.Setting}=banyak");

        Assert.Equal(2, code);
        Assert.Contains($"{MemoryLimit.Setting}: 'banyak'", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(data.Path));
    }

    /// <summary>The host's process, started as an operator starts it: the runtime's own figure of the heap's bound, read by /metrics.</summary>
    [Theory]
    [InlineData(null, MemoryLimit.DefaultMegabytes)]
    [InlineData("200", 200)]
    public async Task Given_a_started_host_process_Then_the_runtime_bounds_its_heap_by_the_setting(string? value, long megabytes)
    {
        using var data = new TempDirectory();
        var log = new StringBuilder();
        using var process = HostProcess.Serve(log, ["--Urls=http://127.0.0.1:0", "--Kinerja:WarmUp=false", "--Kinerja:Backup:Schedule=off",
            "--Kinerja:Metrics:Enabled=true", $"--Kinerja:DataDirectory={data.Path}", .. value is null ? Array.Empty<string>() : [$"--{MemoryLimit.Setting}={value}"]]);
        try
        {
            string Log()
            {
                lock (log)
                {
                    return log.ToString();
                }
            }
            var listening = await Eventually.MatchesAsync(() => Task.FromResult(Listening().Match(Log())), m => m.Success || process.HasExited,
                "the host process says where it listens", TimeSpan.FromMinutes(2));
            Assert.True(listening.Success, Log());
            var address = listening.Groups[1].Value;
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var scrape = await client.GetStringAsync("/metrics");

            var limit = HeapLimit().Match(scrape);
            Assert.True(limit.Success, scrape);
            Assert.Equal(megabytes << 20, long.Parse(limit.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture));
            // Beside it, the heap's memory now, for a monitor to set against the bound.
            Assert.Matches(@"(?m)^dotnet_gc_last_collection_memory_committed_size_bytes(\{[^}]*\})? \d", scrape);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"^kinerja_memory_heap_limit_bytes(?:\{[^}]*\})? (\S+)", RegexOptions.Multiline)]
    private static partial Regex HeapLimit();
}
