using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

/// <summary>
/// The tree of a year is read once per request, whatever the number of nodes that ask for their parents and
/// children: the statements a request sends do not grow with the nodes (no query per node).
/// </summary>
public sealed class TreeLookupTests
{
    private const string Links = "code parents(year: 2026) { code } children(year: 2026) { code }";

    [Fact]
    public async Task Given_sixty_indicators_asking_for_parents_and_children_Then_the_request_sends_as_many_statements_as_for_four()
    {
        await using var host = new KinerjaHost();
        using var commands = new CommandCounter(host.DataDirectory);
        (await host.QueryAsync("""mutation { setIndicatorRule(year: 2026, indicator: "REHSOS-1", numerator: "sum:PEMULIHAN-1", denominator: "base:eks_penyakit_sosial.total") { isDefault } }""")).Ok();
        // The first request of a new data version reads the accounts' stamps, which every later one finds kept.
        (await host.QueryAsync("{ me { username } }")).Ok();

        GraphQLAnswer? four = null, all = null;
        var forFour = await commands.DuringAsync(async () => four = await host.QueryAsync($"{{ indicators(level: IKU) {{ {Links} }} }}"));
        var forAll = await commands.DuringAsync(async () => all = await host.QueryAsync($"{{ indicators {{ {Links} }} }}"));

        Assert.Equal(4, four!.Ok().GetProperty("indicators").GetArrayLength());
        Assert.True(all!.Ok().GetProperty("indicators").GetArrayLength() >= 50);
        // The year's changed rule is read: REHSOS-1 has one child in 2026.
        Assert.Contains(all.Data.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "REHSOS-1"
            && i.GetProperty("children").GetArrayLength() == 1);
        Assert.Equal(forFour.Count, forAll.Count);
        Assert.InRange(forAll.Count, 1, 2);
    }

    [Fact]
    public async Task Given_the_iku_tree_one_or_three_levels_deep_with_parents_and_children_Then_the_statements_are_the_same()
    {
        await using var host = new KinerjaHost();
        using var commands = new CommandCounter(host.DataDirectory);
        (await host.QueryAsync("{ iku(year: 2026) { value } }")).Ok(); // the year's reading, kept for the version

        var node = $"indicator {{ {Links} }} value";
        var oneLevel = await commands.DuringAsync(async () => (await host.QueryAsync($"{{ iku(year: 2026) {{ {node} }} }}")).Ok());
        var threeLevels = await commands.DuringAsync(async () => (await host.QueryAsync(
            $"{{ iku(year: 2026) {{ {node} contributions {{ {node} contributions {{ {node} contributions {{ {node} }} }} }} }} }}")).Ok());

        Assert.Equal(oneLevel.Count, threeLevels.Count);
        Assert.InRange(threeLevels.Count, 1, 4);
    }
}
