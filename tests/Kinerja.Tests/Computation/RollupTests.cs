using Kinerja.Modules.Cascade.Computation;

namespace Kinerja.Tests.Computation;

/// <summary>
/// Spec, "How a value is computed": sum:, den:, target: and base: parts; sums are flows, stocks are not;
/// children with no data contribute nothing; a sum none of whose children has data has nothing recorded.
/// </summary>
public sealed class RollupTests
{
    // ---------------------------------------------------------------- sum: (REHSOS-2)

    // REHSOS-2 = sum:PENGEMBANGAN-1,PELAYANAN-1..4 / target:PENGEMBANGAN-1,PELAYANAN-1..4
    //   PENGEMBANGAN-1: TW1 10, TW2 20; quarterly targets 25 each quarter
    //   PELAYANAN-1:    TW1 5;          quarterly targets 10 each quarter
    //   PELAYANAN-2:    no realisation; annual target 60 only
    //   PELAYANAN-3:    TW2 6;          no target
    //   PELAYANAN-4:    nothing at all
    private static Figures Rehsos2() => new Figures()
        .Count("PENGEMBANGAN-1", 1, 10).Count("PENGEMBANGAN-1", 2, 20).QuarterTargets("PENGEMBANGAN-1", 25)
        .Count("PELAYANAN-1", 1, 5).QuarterTargets("PELAYANAN-1", 10)
        .AnnualTarget("PELAYANAN-2", 60)
        .Count("PELAYANAN-3", 2, 6);

    [Fact]
    public void Given_sum_rollup_Then_a_quarter_adds_children_with_data_over_their_quarter_targets()
    {
        var figures = Rehsos2();

        // TW1: (10 + 5) / (25 + 10) * 100; PELAYANAN-2's annual target is no quarter's target
        Expect.Ok(figures.Quarter("REHSOS-2", 1), 42.857142857142854, 15, 35);
        // TW2: (20 + 6) / (25 + 10) * 100
        Expect.Ok(figures.Quarter("REHSOS-2", 2), 74.28571428571429, 26, 35);
    }

    [Fact]
    public void Given_sum_rollup_Then_cumulative_quarter_adds_quarters_of_children()
    {
        // (10 + 20 + 5 + 6) / ((25 + 25) + (10 + 10)) * 100 = 41 / 70 * 100
        Expect.Ok(Rehsos2().Through("REHSOS-2", 2), 58.57142857142857, 41, 70);
    }

    [Fact]
    public void Given_sum_rollup_Then_year_adds_all_quarters_over_annual_or_summed_quarterly_targets()
    {
        // numerator 10 + 20 + 5 + 6 = 41
        // denominator PENGEMBANGAN-1 4 x 25 = 100, PELAYANAN-1 4 x 10 = 40, PELAYANAN-2 annual 60 -> 200
        Expect.Ok(Rehsos2().WholeYear("REHSOS-2"), 20.5, 41, 200); // 41 / 200 * 100
    }

    [Fact]
    public void Given_sum_rollup_whose_children_have_no_data_in_the_quarter_Then_NO_DATA()
    {
        var value = Rehsos2().Quarter("REHSOS-2", 3);

        Expect.NoValue(value, ValueStatus.NoData);
        Assert.Null(value.Numerator);       // no child has a TW3 realisation
        Expect.Near(35, value.Denominator); // 25 + 10: the targets are there
    }

    [Fact]
    public void Given_sum_rollup_Then_contributions_are_the_children_in_rule_order()
    {
        var value = Rehsos2().Through("REHSOS-2", 2);

        Assert.Equal(["PENGEMBANGAN-1", "PELAYANAN-1", "PELAYANAN-2", "PELAYANAN-3", "PELAYANAN-4"], Expect.Codes(value));
        Expect.Near(30, value.Contributions[0].Value); // 10 + 20
        Expect.Near(5, value.Contributions[1].Value);
        Assert.Equal(ValueStatus.NoData, value.Contributions[2].Status);
        Expect.Near(6, value.Contributions[3].Value);
        Assert.Equal(ValueStatus.NoData, value.Contributions[4].Status);
    }

    [Fact]
    public void Given_count_rollup_DAYASOS_2_Then_it_is_the_flow_of_PMI_2()
    {
        var figures = new Figures().Count("PMI-2", 1, 4).Count("PMI-2", 3, 6);

        Expect.Ok(figures.Quarter("DAYASOS-2", 1), 4, 4, null);
        Expect.NoValue(figures.Quarter("DAYASOS-2", 2), ValueStatus.NoData);
        Expect.Ok(figures.Through("DAYASOS-2", 2), 4, 4, null);  // 4 + nothing
        Expect.Ok(figures.Through("DAYASOS-2", 3), 10, 10, null); // 4 + 6
        Expect.Ok(figures.WholeYear("DAYASOS-2"), 10, 10, null);  // 4 + 6
    }

    [Fact]
    public void Given_count_rollup_none_of_whose_children_has_data_Then_NO_DATA()
    {
        var figures = new Figures().Count("PMI-1", 1, 9); // a sibling, not a child of DAYASOS-2

        Expect.NoValue(figures.WholeYear("DAYASOS-2"), ValueStatus.NoData);
        Assert.Null(figures.WholeYear("DAYASOS-2").Numerator);
    }

    [Fact]
    public void Given_a_percent_child_without_its_denominator_Then_its_numerator_still_counts_in_the_parent_sum()
    {
        // Reading tested: "children with no data contribute nothing to a sum" concerns the part that is summed.
        // REHSOS-1 has a numerator (PEMULIHAN-1 = 12) but no eks_penyakit_sosial.total stock: it is NO_DATA
        // itself, yet its realisation (numerator) is recorded and IKU-1 sums realisations.
        var figures = new Figures()
            .Count("PEMULIHAN-1", 1, 12)
            .Count("PENGEMBANGAN-2", 1, 8)
            .Stock("pmks.total", 1, 400)
            .Stock("disabilitas.total", 1, 40);

        var rehsos1 = figures.Quarter("REHSOS-1", 1);
        Expect.NoValue(rehsos1, ValueStatus.NoData);
        Expect.Near(12, rehsos1.Numerator);

        // IKU-1: (12 + nothing + 8) / 400 * 100
        Expect.Ok(figures.Quarter("IKU-1", 1), 5, 20, 400);
    }

    // ---------------------------------------------------------------- den: (DAYASOS-3)

    [Fact]
    public void Given_den_rollup_DAYASOS_3_Then_it_takes_VERVAL_1_numerator_and_denominator()
    {
        // VERVAL-1: TW1 30/120, TW2 45/80
        var figures = new Figures()
            .Percent("VERVAL-1", 1, 30, 120)
            .Percent("VERVAL-1", 2, 45, 80);

        Expect.Ok(figures.Quarter("DAYASOS-3", 1), 25, 30, 120);    // 30 / 120 * 100
        Expect.Ok(figures.Quarter("DAYASOS-3", 2), 56.25, 45, 80);  // 45 / 80 * 100
        Expect.Ok(figures.Through("DAYASOS-3", 2), 37.5, 75, 200);  // (30 + 45) / (120 + 80) * 100, not (25 + 56.25) / 2
        Expect.Ok(figures.WholeYear("DAYASOS-3"), 37.5, 75, 200);   // (30 + 45) / (120 + 80) * 100
        Expect.NoValue(figures.Quarter("DAYASOS-3", 3), ValueStatus.NoData);
        Assert.Equal(["VERVAL-1"], Expect.Codes(figures.WholeYear("DAYASOS-3")));
    }

    [Fact]
    public void Given_den_rollup_with_zero_denominator_Then_UNDEFINED()
    {
        var value = new Figures().Percent("VERVAL-1", 1, 0, 0).Quarter("DAYASOS-3", 1);

        Expect.NoValue(value, ValueStatus.Undefined); // 0 / 0
        Expect.Near(0, value.Denominator);
    }

    // ---------------------------------------------------------------- target: (SEK-1)

    // SEK-1 = sum:UMPEG-1..6 / target:UMPEG-1..6
    //   UMPEG-1: quarterly targets 10 each; TW1 8, TW2 12
    //   UMPEG-2: quarterly targets 5 each;  TW1 5, TW2 3
    private static Figures Sek1Quarterly() => new Figures()
        .QuarterTargets("UMPEG-1", 10).Count("UMPEG-1", 1, 8).Count("UMPEG-1", 2, 12)
        .QuarterTargets("UMPEG-2", 5).Count("UMPEG-2", 1, 5).Count("UMPEG-2", 2, 3);

    [Fact]
    public void Given_target_rollup_with_quarterly_targets_Then_a_quarter_is_over_the_quarter_targets()
    {
        var figures = Sek1Quarterly();

        Expect.Ok(figures.Quarter("SEK-1", 1), 86.66666666666667, 13, 15); // (8 + 5) / (10 + 5) * 100
        Expect.Ok(figures.Quarter("SEK-1", 2), 100, 15, 15);               // (12 + 3) / (10 + 5) * 100
    }

    [Fact]
    public void Given_target_rollup_Then_cumulative_is_over_the_sum_of_quarterly_targets_through_the_quarter()
    {
        var figures = Sek1Quarterly();

        Expect.Ok(figures.Through("SEK-1", 2), 93.33333333333333, 28, 30); // (8 + 5 + 12 + 3) / (10 + 5 + 10 + 5) * 100
        Expect.Ok(figures.Through("SEK-1", 3), 62.22222222222222, 28, 45); // 28 / (3 x 10 + 3 x 5) * 100
    }

    [Fact]
    public void Given_target_rollup_without_annual_targets_Then_year_is_over_the_sum_of_four_quarterly_targets()
    {
        // 28 / (4 x 10 + 4 x 5) * 100 = 28 / 60 * 100
        Expect.Ok(Sek1Quarterly().WholeYear("SEK-1"), 46.666666666666664, 28, 60);
    }

    // SEK-1 with annual targets:
    //   UMPEG-1: annual 100, quarterly TW1 20, TW2 30;  TW1 17
    //   UMPEG-2: annual 50, no quarterly target;        TW2 14
    //   UMPEG-3: quarterly 5 each, no annual;           TW1 3
    private static Figures Sek1Annual() => new Figures()
        .AnnualTarget("UMPEG-1", 100).QuarterTarget("UMPEG-1", 1, 20).QuarterTarget("UMPEG-1", 2, 30).Count("UMPEG-1", 1, 17)
        .AnnualTarget("UMPEG-2", 50).Count("UMPEG-2", 2, 14)
        .QuarterTargets("UMPEG-3", 5).Count("UMPEG-3", 1, 3);

    [Fact]
    public void Given_annual_targets_Then_year_uses_annual_target_and_falls_back_to_summed_quarterly_targets()
    {
        // numerator 17 + 14 + 3 = 34; denominator UMPEG-1 annual 100 + UMPEG-2 annual 50 + UMPEG-3 4 x 5 = 170
        Expect.Ok(Sek1Annual().WholeYear("SEK-1"), 20, 34, 170); // 34 / 170 * 100
    }

    [Fact]
    public void Given_annual_targets_Then_quarter_and_cumulative_use_only_quarterly_targets()
    {
        var figures = Sek1Annual();

        Expect.Ok(figures.Quarter("SEK-1", 1), 80, 20, 25);                  // (17 + 3) / (20 + 5) * 100
        Expect.Ok(figures.Through("SEK-1", 2), 56.666666666666664, 34, 60);  // (17 + 14 + 3) / ((20 + 30) + (5 + 5)) * 100
    }

    [Fact]
    public void Given_targets_of_a_kegiatan_Then_quarter_cumulative_and_year_targets_follow_the_spec()
    {
        var figures = Sek1Annual();

        Expect.Near(20, figures.Quarter("UMPEG-1", 1).Target);   // its quarterly target
        Expect.Near(50, figures.Through("UMPEG-1", 2).Target);   // 20 + 30
        Expect.Near(100, figures.WholeYear("UMPEG-1").Target);   // annual
        Expect.Near(20, figures.WholeYear("UMPEG-3").Target);    // no annual: 5 + 5 + 5 + 5
        Expect.Near(10, figures.Through("UMPEG-3", 2).Target);   // 5 + 5
        Assert.Null(figures.Quarter("UMPEG-2", 1).Target);       // annual only: no quarter target
        Assert.Null(figures.Through("UMPEG-2", 2).Target);       // no quarterly targets to add
        Expect.Near(50, figures.WholeYear("UMPEG-2").Target);
        Assert.Null(figures.WholeYear("UMPEG-4").Target);        // no target at all
    }

    [Fact]
    public void Given_target_rollup_without_any_child_target_Then_NO_DATA()
    {
        var value = new Figures().Count("UMPEG-1", 1, 8).Quarter("SEK-1", 1);

        Expect.NoValue(value, ValueStatus.NoData);
        Expect.Near(8, value.Numerator);
        Assert.Null(value.Denominator);
    }

    [Fact]
    public void Given_target_rollup_with_zero_targets_Then_UNDEFINED_with_null_value()
    {
        var value = new Figures()
            .QuarterTarget("UMPEG-1", 1, 0).QuarterTarget("UMPEG-2", 1, 0)
            .Count("UMPEG-1", 1, 3)
            .Quarter("SEK-1", 1);

        Expect.NoValue(value, ValueStatus.Undefined); // 3 / (0 + 0)
        Expect.Near(3, value.Numerator);
        Expect.Near(0, value.Denominator);
    }

    // ---------------------------------------------------------------- base: (IKU-1 over pmks.total)

    // PEMULIHAN-1 (REHSOS-1's numerator, IKU-1's through REHSOS-1): TW1 10, TW3 20. pmks.total at TW1 only: 1000.
    private static Figures Iku1StockAtFirstQuarter() => new Figures()
        .Count("PEMULIHAN-1", 1, 10).Count("PEMULIHAN-1", 3, 20)
        .Stock("pmks.total", 1, 1000);

    [Fact]
    public void Given_stock_only_at_first_quarter_Then_later_quarters_use_it()
    {
        var figures = Iku1StockAtFirstQuarter();

        Expect.Ok(figures.Quarter("IKU-1", 1), 1, 10, 1000); // 10 / 1000 * 100
        Expect.Ok(figures.Quarter("IKU-1", 3), 2, 20, 1000); // 20 / 1000 * 100, TW1's stock
        Expect.Ok(figures.Through("IKU-1", 3), 3, 30, 1000); // (10 + 20) / 1000 * 100: the stock is not added up
        Expect.Ok(figures.WholeYear("IKU-1"), 3, 30, 1000);  // (10 + 20) / 1000 * 100
    }

    [Fact]
    public void Given_stocks_at_several_quarters_Then_a_period_takes_the_latest_at_or_before_its_last_quarter()
    {
        // pmks.total: TW1 1000, TW3 1250; PEMULIHAN-1: 10 in every quarter.
        var figures = new Figures()
            .Count("PEMULIHAN-1", 1, 10).Count("PEMULIHAN-1", 2, 10).Count("PEMULIHAN-1", 3, 10).Count("PEMULIHAN-1", 4, 10)
            .Stock("pmks.total", 1, 1000).Stock("pmks.total", 3, 1250);

        Expect.Ok(figures.Quarter("IKU-1", 2), 1, 10, 1000);   // 10 / 1000 * 100 (TW1's stock)
        Expect.Ok(figures.Through("IKU-1", 2), 2, 20, 1000);   // (10 + 10) / 1000 * 100
        Expect.Ok(figures.Quarter("IKU-1", 3), 0.8, 10, 1250); // 10 / 1250 * 100
        Expect.Ok(figures.Through("IKU-1", 3), 2.4, 30, 1250); // 30 / 1250 * 100
        Expect.Ok(figures.WholeYear("IKU-1"), 3.2, 40, 1250);  // 40 / 1250 * 100 (latest at or before TW4)
    }

    [Fact]
    public void Given_stock_recorded_only_after_the_period_Then_NO_DATA()
    {
        var figures = new Figures()
            .Count("PEMULIHAN-1", 1, 10).Count("PEMULIHAN-1", 3, 20)
            .Stock("pmks.total", 3, 1000);

        var q2 = figures.Through("IKU-1", 2);
        Expect.NoValue(q2, ValueStatus.NoData);
        Expect.Near(10, q2.Numerator);
        Assert.Null(q2.Denominator);

        Expect.NoValue(figures.Quarter("IKU-1", 1), ValueStatus.NoData);
        Expect.Ok(figures.Quarter("IKU-1", 3), 2, 20, 1000); // 20 / 1000 * 100
    }

    [Fact]
    public void Given_no_stock_Then_NO_DATA_in_every_period()
    {
        var figures = new Figures().Count("PEMULIHAN-1", 1, 10);

        Expect.NoValue(figures.Quarter("IKU-1", 1), ValueStatus.NoData);
        Expect.NoValue(figures.Through("IKU-1", 4), ValueStatus.NoData);
        Expect.NoValue(figures.WholeYear("IKU-1"), ValueStatus.NoData);
        Assert.Null(figures.WholeYear("IKU-1").Denominator);
    }

    [Fact]
    public void Given_zero_stock_Then_UNDEFINED_with_null_value()
    {
        var value = new Figures()
            .Count("PEMULIHAN-1", 1, 5)
            .Stock("pmks.total", 1, 0)
            .Quarter("IKU-1", 1);

        Expect.NoValue(value, ValueStatus.Undefined); // 5 / 0
        Expect.Near(5, value.Numerator);
        Expect.Near(0, value.Denominator);
    }
}
