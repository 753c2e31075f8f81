using Kinerja.Modules.Cascade.Computation;

namespace Kinerja.Tests.Computation;

/// <summary>
/// Spec, "Targets, achievement, predicate": achievement = realisation / target x 100 (more is better),
/// (2 x target - realisation) / target x 100 (less is better); the Permendagri 86/2017 bands; no target,
/// no achievement and no predicate.
/// </summary>
public sealed class AchievementTests
{
    [Theory]
    [InlineData(120, 100, 120, "Sangat Tinggi")]   // 120 / 100 * 100
    [InlineData(91, 100, 91, "Sangat Tinggi")]     // 91 / 100 * 100: A >= 91
    [InlineData(90.99, 100, 90.99, "Tinggi")]      // 90.99 / 100 * 100: 76 <= A < 91
    [InlineData(76, 100, 76, "Tinggi")]            // lower edge of Tinggi
    [InlineData(75.99, 100, 75.99, "Sedang")]      // 66 <= A < 76
    [InlineData(66, 100, 66, "Sedang")]            // lower edge of Sedang
    [InlineData(65.99, 100, 65.99, "Rendah")]      // 51 <= A < 66
    [InlineData(51, 100, 51, "Rendah")]            // lower edge of Rendah
    [InlineData(50.99, 100, 50.99, "Sangat Rendah")] // A < 51
    [InlineData(0, 100, 0, "Sangat Rendah")]
    public void Given_count_realisation_and_quarter_target_Then_achievement_and_predicate_band(
        double realisation, double target, double achievement, string predicate)
    {
        var value = new Figures()
            .Count("UMPEG-1", 1, realisation)
            .QuarterTarget("UMPEG-1", 1, target)
            .Quarter("UMPEG-1", 1);

        Expect.Near(target, value.Target);
        Expect.Near(achievement, value.Achievement);
        Assert.Equal(predicate, value.Predicate);
    }

    [Theory]
    [InlineData(91.0, "Sangat Tinggi")]
    [InlineData(90.99, "Tinggi")]
    [InlineData(76.0, "Tinggi")]
    [InlineData(75.99, "Sedang")]
    [InlineData(66.0, "Sedang")]
    [InlineData(65.99, "Rendah")]
    [InlineData(51.0, "Rendah")]
    [InlineData(50.99, "Sangat Rendah")]
    [InlineData(-20.0, "Sangat Rendah")]
    [InlineData(250.0, "Sangat Tinggi")]
    public void Given_an_achievement_Then_default_bands_give_the_Permendagri_predicate(double achievement, string predicate)
    {
        Assert.Equal(predicate, new AchievementRules(AchievementRules.DefaultBands).Predicate(achievement));
    }

    [Fact]
    public void Given_no_achievement_Then_predicate_is_null()
    {
        Assert.Null(new AchievementRules(AchievementRules.DefaultBands).Predicate(null));
    }

    // UMPEG-1: targets TW1 40, TW2 60, annual 200; realisations TW1 38, TW2 45.
    private static Figures WithTargets() => new Figures()
        .QuarterTarget("UMPEG-1", 1, 40).QuarterTarget("UMPEG-1", 2, 60).AnnualTarget("UMPEG-1", 200)
        .Count("UMPEG-1", 1, 38).Count("UMPEG-1", 2, 45);

    [Fact]
    public void Given_quarter_target_Then_quarter_achievement_is_against_it()
    {
        var figures = WithTargets();

        var q1 = figures.Quarter("UMPEG-1", 1);
        Expect.Near(40, q1.Target);
        Expect.Near(95, q1.Achievement); // 38 / 40 * 100
        Assert.Equal("Sangat Tinggi", q1.Predicate);

        var q2 = figures.Quarter("UMPEG-1", 2);
        Expect.Near(60, q2.Target);
        Expect.Near(75, q2.Achievement); // 45 / 60 * 100
        Assert.Equal("Sedang", q2.Predicate);
    }

    [Fact]
    public void Given_quarter_targets_Then_cumulative_achievement_is_against_their_sum()
    {
        var value = WithTargets().Through("UMPEG-1", 2);

        Expect.Near(100, value.Target);      // 40 + 60
        Expect.Near(83, value.Achievement);  // (38 + 45) / (40 + 60) * 100
        Assert.Equal("Tinggi", value.Predicate);
    }

    [Fact]
    public void Given_annual_target_Then_year_achievement_is_against_it()
    {
        var value = WithTargets().WholeYear("UMPEG-1");

        Expect.Near(200, value.Target);        // annual, not 40 + 60
        Expect.Near(41.5, value.Achievement);  // (38 + 45) / 200 * 100
        Assert.Equal("Sangat Rendah", value.Predicate);
    }

    [Fact]
    public void Given_only_quarterly_targets_Then_year_achievement_is_against_the_sum_of_four()
    {
        var value = new Figures()
            .QuarterTargets("UMPEG-1", 25)
            .Count("UMPEG-1", 1, 30).Count("UMPEG-1", 2, 30).Count("UMPEG-1", 3, 16)
            .WholeYear("UMPEG-1");

        Expect.Near(100, value.Target);        // 25 + 25 + 25 + 25
        Expect.Near(76, value.Achievement);    // (30 + 30 + 16) / 100 * 100
        Assert.Equal("Tinggi", value.Predicate);
    }

    [Fact]
    public void Given_no_target_Then_achievement_and_predicate_are_null()
    {
        var figures = new Figures().Count("UMPEG-1", 1, 38);

        foreach (var value in new[] { figures.Quarter("UMPEG-1", 1), figures.Through("UMPEG-1", 1), figures.WholeYear("UMPEG-1") })
        {
            Assert.Equal(ValueStatus.Ok, value.Status);
            Expect.Near(38, value.Value);
            Assert.Null(value.Target);
            Assert.Null(value.Achievement);
            Assert.Null(value.Predicate);
        }
    }

    [Fact]
    public void Given_only_an_annual_target_Then_a_quarter_has_no_target_and_no_achievement()
    {
        var value = new Figures().AnnualTarget("UMPEG-1", 200).Count("UMPEG-1", 1, 38).Quarter("UMPEG-1", 1);

        Assert.Null(value.Target);
        Assert.Null(value.Achievement);
        Assert.Null(value.Predicate);
    }

    [Fact]
    public void Given_percent_indicator_with_target_Then_achievement_is_value_over_target()
    {
        // IKU-4 = KELEMBAGAAN-1 / lks.total: TW1 5 / 40 * 100 = 12.5 %; annual target 12.5 %, TW1 target 25 %.
        var figures = new Figures()
            .Count("KELEMBAGAAN-1", 1, 5).Stock("lks.total", 1, 40)
            .AnnualTarget("IKU-4", 12.5).QuarterTarget("IKU-4", 1, 25);

        var year = figures.WholeYear("IKU-4");
        Expect.Near(12.5, year.Value);
        Expect.Near(100, year.Achievement); // 12.5 / 12.5 * 100
        Assert.Equal("Sangat Tinggi", year.Predicate);

        var q1 = figures.Quarter("IKU-4", 1);
        Expect.Near(50, q1.Achievement);   // 12.5 / 25 * 100
        Assert.Equal("Sangat Rendah", q1.Predicate);
    }

    [Theory]
    [InlineData(30, 40, 125, "Sangat Tinggi")]  // (2 x 40 - 30) / 40 * 100
    [InlineData(40, 40, 100, "Sangat Tinggi")]  // (80 - 40) / 40 * 100
    [InlineData(109, 100, 91, "Sangat Tinggi")] // (200 - 109) / 100 * 100: edge
    [InlineData(50, 40, 75, "Sedang")]          // (80 - 50) / 40 * 100
    [InlineData(80, 40, 0, "Sangat Rendah")]    // (80 - 80) / 40 * 100
    [InlineData(100, 40, -50, "Sangat Rendah")] // (80 - 100) / 40 * 100
    public void Given_less_is_better_indicator_Then_achievement_is_two_targets_minus_realisation_over_target(
        double realisation, double target, double achievement, string predicate)
    {
        var value = new Figures()
            .LessIsBetter("UMPEG-1")
            .Count("UMPEG-1", 1, realisation)
            .QuarterTarget("UMPEG-1", 1, target)
            .Quarter("UMPEG-1", 1);

        Expect.Near(achievement, value.Achievement);
        Assert.Equal(predicate, value.Predicate);
    }

    [Fact]
    public void Given_less_is_better_on_another_indicator_Then_this_one_stays_more_is_better()
    {
        var value = new Figures()
            .LessIsBetter("UMPEG-2")
            .Count("UMPEG-1", 1, 30).QuarterTarget("UMPEG-1", 1, 40)
            .Quarter("UMPEG-1", 1);

        Expect.Near(75, value.Achievement); // 30 / 40 * 100
    }

    [Fact]
    public void Given_less_is_better_percent_Then_achievement_uses_cumulative_value_and_target()
    {
        // KEU-2 marked less is better: TW1 2/10, TW2 3/40 -> through TW2 (2 + 3) / (10 + 40) * 100 = 10 %.
        // A rate (its default reading): targets TW1 8 %, TW2 8 % -> through TW2 still 8 %. (2 x 8 - 10) / 8 * 100 = 75.
        var value = new Figures()
            .LessIsBetter("KEU-2")
            .Percent("KEU-2", 1, 2, 10).Percent("KEU-2", 2, 3, 40)
            .QuarterTarget("KEU-2", 1, 8).QuarterTarget("KEU-2", 2, 8)
            .Through("KEU-2", 2);

        Expect.Ok(value, 10, 5, 50);
        Expect.Near(8, value.Target);
        Expect.Near(75, value.Achievement);
        Assert.Equal("Sedang", value.Predicate);
    }

    [Fact]
    public void Given_target_but_NO_DATA_Then_achievement_and_predicate_are_null()
    {
        var value = new Figures().QuarterTarget("UMPEG-1", 2, 40).Count("UMPEG-1", 1, 10).Quarter("UMPEG-1", 2);

        Expect.NoValue(value, ValueStatus.NoData);
        Expect.Near(40, value.Target);
    }

    [Fact]
    public void Given_target_but_UNDEFINED_Then_achievement_and_predicate_are_null()
    {
        var value = new Figures().Percent("KEU-2", 1, 3, 0).QuarterTarget("KEU-2", 1, 90).Quarter("KEU-2", 1);

        Expect.NoValue(value, ValueStatus.Undefined);
        Expect.Near(90, value.Target);
    }

    [Fact]
    public void Given_a_zero_target_Then_achievement_is_null_not_infinity()
    {
        // Reading tested: a target of 0 gives no achievement (a number / 0 would be infinity, never shown).
        var value = new Figures().Count("UMPEG-1", 1, 5).QuarterTarget("UMPEG-1", 1, 0).Quarter("UMPEG-1", 1);

        Assert.Equal(ValueStatus.Ok, value.Status);
        Expect.Near(0, value.Target);
        Assert.Null(value.Achievement);
        Assert.Null(value.Predicate);
    }
}
