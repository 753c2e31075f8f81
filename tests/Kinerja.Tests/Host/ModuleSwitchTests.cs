using Kinerja.Tests.Support;

namespace Kinerja.Tests.Host;

public sealed class ModuleSwitchTests
{
    [Fact]
    public async Task Given_only_Rehabilitasi_Then_indicators_are_the_IKU_and_the_Rehabilitasi_units_only()
    {
        await using var host = new KinerjaHost(modules: "Rehabilitasi");

        var answer = (await host.QueryAsync("""
            { indicators { code } units { code } modules { name enabled units { code } }
              linjamsos: indicator(code: "LINJAMSOS-1") { code } dinas: unit(code: "DINSOS") { children { code } } }
            """)).Ok();

        Assert.Equal(
            ["IKU-1", "IKU-2", "IKU-3", "IKU-4", "REHSOS-1", "REHSOS-2", "REHSOS-3", "PEMULIHAN-1", "PENGEMBANGAN-1",
             "PENGEMBANGAN-2", "PELAYANAN-1", "PELAYANAN-2", "PELAYANAN-3", "PELAYANAN-4"],
            CatalogTests.Codes(answer.GetProperty("indicators")));
        Assert.Equal(["DINSOS", "REHSOS", "PEMULIHAN", "PENGEMBANGAN", "PELAYANAN"], CatalogTests.Codes(answer.GetProperty("units")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("linjamsos").ValueKind);
        Assert.Equal(["REHSOS"], CatalogTests.Codes(answer.GetProperty("dinas").GetProperty("children")));

        var modules = answer.GetProperty("modules").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("enabled").GetBoolean());
        Assert.Equal(5, modules.Count);
        Assert.True(modules["Rehabilitasi"]);
        Assert.False(modules["Linjamsos"]);
        Assert.False(modules["Pemberdayaan"]);
        Assert.False(modules["Sekretariat"]);
        Assert.False(modules["UptLbk"]);
    }

    [Fact]
    public async Task Given_only_Rehabilitasi_Then_another_modules_entry_is_refused()
    {
        await using var host = new KinerjaHost(modules: "Rehabilitasi");

        var answer = await host.QueryAsync("""
            mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: 3 }) { status } }
            """);

        Assert.Contains(answer.ErrorMessages, m => m.Contains("input.indicator") && m.Contains("Pemberdayaan"));
    }

    [Fact]
    public async Task Given_two_modules_in_any_case_Then_both_are_enabled()
    {
        await using var host = new KinerjaHost(modules: " linjamsos , UptLbk ");

        var answer = (await host.QueryAsync("{ modules { name enabled } }")).Ok();

        var enabled = answer.GetProperty("modules").EnumerateArray()
            .Where(m => m.GetProperty("enabled").GetBoolean()).Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Linjamsos", "UptLbk"], enabled);
    }

    [Fact]
    public async Task Given_an_unknown_module_Then_the_start_stops_and_names_the_known_ones()
    {
        using var data = new TempDirectory();

        var (exitCode, _, error) = await HostProcess.RunAsync(TimeSpan.FromSeconds(60),
            "--Kinerja:Modules=Rehabilitasi,Keuangan", $"--Kinerja:DataDirectory={data.Path}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Keuangan", error);
        foreach (var known in new[] { "Sekretariat", "Rehabilitasi", "Linjamsos", "Pemberdayaan", "UptLbk" })
        {
            Assert.Contains(known, error);
        }
    }
}
