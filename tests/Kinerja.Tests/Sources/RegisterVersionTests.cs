using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Sources;

public sealed class RegisterVersionTests
{
    [Theory]
    [InlineData(DatabaseEngine.Sqlite)]
    [InlineData(DatabaseEngine.PostgreSql)]
    public async Task Given_an_import_by_another_process_Then_a_running_host_counts_the_new_register(DatabaseEngine engine)
    {
        await using var host = new KinerjaHost(engine: engine);
        (await host.QueryAsync("mutation { setAllSources(year: 2026, source: REGISTER) { code } }")).Ok();
        const string stock = """{ value(indicator: "IKU-1", year: 2026, quarter: 2) { denominator } }""";
        Assert.Equal(0, (await host.QueryAsync(stock)).Ok().GetProperty("value").GetProperty("denominator").GetDouble());

        var (code, _, _) = await HostProcess.RunAsync(TimeSpan.FromSeconds(90),
            ["import", "pmks", Path.Combine(Repository.Root, "samples", "registers", "pmks.csv"), .. KinerjaHost.DatabaseSwitches(host.DataDirectory, engine)]);

        Assert.Equal(0, code);
        // Jumlah PMKS at 30 June in the sample: eight persons (see RegisterSourceTests).
        Assert.Equal(8, (await host.QueryAsync(stock)).Ok().GetProperty("value").GetProperty("denominator").GetDouble());
    }
}
