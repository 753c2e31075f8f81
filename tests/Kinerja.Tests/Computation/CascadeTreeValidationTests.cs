using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Modules;

namespace Kinerja.Tests.Computation;

/// <summary>
/// Spec, "The cascade": a year's tree can be changed, and a change is checked (no cycle, no unknown code,
/// a COUNT cannot take a den: part). Every refusal carries a reason.
/// </summary>
public sealed class CascadeTreeValidationTests
{
    private static readonly ModuleDirectory Directory = Figures.AllEnabled();
    private static readonly CascadeTree Tree = CascadeTree.Default(Directory);

    private static IndicatorRule Rule(string indicator, string numerator, string? denominator) =>
        new(indicator, PartRule.Parse(numerator), denominator is null ? null : PartRule.Parse(denominator));

    private static void Refused(IndicatorRule rule)
    {
        var errors = Tree.Validate(rule, Directory);
        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Reason)));
    }

    [Fact]
    public void Given_the_default_tree_Then_every_catalog_rule_is_accepted()
    {
        Assert.Equal(60, Tree.Rules.Count);
        Assert.All(Tree.Rules, rule => Assert.Empty(Tree.Validate(rule, Directory)));
    }

    [Fact]
    public void Given_a_rule_for_an_unknown_indicator_Then_refused()
    {
        Refused(Rule("FOO-1", "input", null));
    }

    [Fact]
    public void Given_a_rule_reading_an_unknown_code_Then_refused()
    {
        Refused(Rule("SEK-1", "sum:UMPEG-1,UMPEG-99", "target:UMPEG-1"));
        Refused(Rule("SEK-1", "sum:UMPEG-1", "target:UMPEG-1,NOPE-1"));
        Refused(Rule("DAYASOS-2", "sum:PMI-9", null));
    }

    [Fact]
    public void Given_a_rule_over_an_unknown_base_measure_Then_refused()
    {
        Refused(Rule("IKU-1", "sum:REHSOS-1,REHSOS-2,REHSOS-3", "base:tidak_ada.total"));
    }

    [Fact]
    public void Given_a_rule_making_a_cycle_Then_refused()
    {
        // REHSOS-1 := sum:PEMULIHAN-1 already; PEMULIHAN-1 := sum:REHSOS-1 closes the loop.
        Refused(Rule("PEMULIHAN-1", "sum:REHSOS-1", null));
    }

    [Fact]
    public void Given_a_longer_cycle_Then_refused()
    {
        // IKU-1 sums REHSOS-2, which sums PELAYANAN-1; PELAYANAN-1 := sum:IKU-1 closes IKU-1 -> REHSOS-2 -> PELAYANAN-1 -> IKU-1.
        Refused(Rule("PELAYANAN-1", "sum:IKU-1", null));
    }

    [Fact]
    public void Given_a_rule_summing_itself_Then_refused()
    {
        Refused(Rule("DAYASOS-2", "sum:DAYASOS-2", null));
    }

    [Fact]
    public void Given_a_cyclic_tree_Then_FindCycle_returns_the_path_back_to_the_start()
    {
        var cyclic = Tree.With(Rule("PEMULIHAN-1", "sum:REHSOS-1", null));

        var cycle = cyclic.FindCycle("PEMULIHAN-1");

        Assert.NotNull(cycle);
        Assert.Equal(["PEMULIHAN-1", "REHSOS-1", "PEMULIHAN-1"], cycle);
    }

    [Fact]
    public void Given_the_default_tree_Then_FindCycle_finds_none()
    {
        Assert.All(Tree.Rules, rule => Assert.Null(Tree.FindCycle(rule.Indicator)));
    }

    [Fact]
    public void Given_a_count_with_a_denominator_rule_Then_refused()
    {
        Refused(Rule("UMPEG-1", "input", "input"));
        Refused(Rule("DAYASOS-2", "sum:PMI-2", "base:pmks.total"));
    }

    [Fact]
    public void Given_a_count_with_a_den_part_Then_refused()
    {
        Refused(Rule("DAYASOS-2", "sum:PMI-2", "den:VERVAL-1"));
    }

    [Fact]
    public void Given_a_den_part_over_a_count_Then_refused()
    {
        // PMI-1 is a COUNT: it has no denominator to take.
        Refused(Rule("DAYASOS-3", "sum:VERVAL-1", "den:PMI-1"));
    }

    [Fact]
    public void Given_a_percent_without_a_denominator_rule_Then_refused()
    {
        Refused(Rule("KEU-2", "input", null));
        Refused(Rule("IKU-1", "sum:REHSOS-1,REHSOS-2,REHSOS-3", null));
    }

    [Fact]
    public void Given_a_valid_change_Then_accepted()
    {
        // PELAYANAN-4 moved out of REHSOS-2; IKU-2 narrowed; DAYASOS-3 over a target instead of a den: part.
        Assert.Empty(Tree.Validate(Rule("REHSOS-2",
            "sum:PENGEMBANGAN-1,PELAYANAN-1,PELAYANAN-2,PELAYANAN-3",
            "target:PENGEMBANGAN-1,PELAYANAN-1,PELAYANAN-2,PELAYANAN-3"), Directory));
        Assert.Empty(Tree.Validate(Rule("IKU-2", "sum:PEMULIHAN-1,PELAYANAN-1", "base:pmks.total"), Directory));
        Assert.Empty(Tree.Validate(Rule("DAYASOS-3", "sum:VERVAL-1", "den:VERVAL-1"), Directory));
        Assert.Empty(Tree.Validate(Rule("UPTLBK-1", "input", null), Directory));
    }

    [Fact]
    public void Given_a_valid_change_that_adds_a_child_Then_accepted_and_the_tree_links_follow()
    {
        var rule = Rule("REHSOS-1", "sum:PEMULIHAN-1,PELAYANAN-4", "base:eks_penyakit_sosial.total");

        Assert.Empty(Tree.Validate(rule, Directory));
        var changed = Tree.With(rule);
        Assert.Equal(["PEMULIHAN-1", "PELAYANAN-4"], changed.Children("REHSOS-1"));
        Assert.Contains("REHSOS-1", changed.Parents("PELAYANAN-4"));
        Assert.Contains("REHSOS-2", changed.Parents("PELAYANAN-4"));
    }

    // ---------------------------------------------------------------- PartRule.TryParse

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sum")]
    [InlineData("sum:")]
    [InlineData("sum: , ")]
    [InlineData(":UMPEG-1")]
    [InlineData("avg:UMPEG-1")]
    [InlineData("input:UMPEG-1")]
    [InlineData("inputs")]
    [InlineData("base:pmks.total,lks.total")]
    [InlineData("sum:UMPEG-1,UMPEG-1")]
    [InlineData("target:UMPEG-1,UMPEG-2,UMPEG-1")]
    public void Given_bad_rule_text_Then_TryParse_fails_with_a_reason(string? text)
    {
        Assert.False(PartRule.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => PartRule.Parse(text!));
    }

    [Theory]
    [InlineData("input", "Input", new string[0])]
    [InlineData(" input ", "Input", new string[0])]
    [InlineData("sum:UMPEG-1,UMPEG-2", "Sum", new[] { "UMPEG-1", "UMPEG-2" })]
    [InlineData("sum: UMPEG-1 , UMPEG-2 ", "Sum", new[] { "UMPEG-1", "UMPEG-2" })]
    [InlineData("den:VERVAL-1", "Den", new[] { "VERVAL-1" })]
    [InlineData("target:UMPEG-1,UMPEG-2", "Target", new[] { "UMPEG-1", "UMPEG-2" })]
    [InlineData("base:pmks.total", "Base", new[] { "pmks.total" })]
    public void Given_good_rule_text_Then_TryParse_gives_source_and_codes(string text, string source, string[] codes)
    {
        Assert.True(PartRule.TryParse(text, out var rule, out var error));
        Assert.Equal("", error);
        Assert.Equal(Enum.Parse<PartSource>(source), rule.Source);
        Assert.Equal(codes, rule.Codes);
    }
}
