using Kinerja.Modules.Cascade.Computation;

namespace Kinerja.Tests.Computation;

/// <summary>
/// Spec, "How a value is computed": entered values are flows; a year or a cumulative period adds its
/// quarters. NO_DATA when a COUNT has nothing recorded for the period, or a PERCENT's numerator or
/// denominator has nothing. Never average percentages.
/// </summary>
public sealed class EnteredValueTests
{
    // UMPEG-1 (COUNT, input): TW1 10, TW2 nothing, TW3 7, TW4 5.
    private static Figures CountWithAGap() => new Figures()
        .Count("UMPEG-1", 1, 10)
        .Count("UMPEG-1", 3, 7)
        .Count("UMPEG-1", 4, 5);

    [Fact]
    public void Given_entered_count_Then_a_quarter_is_its_own_entry()
    {
        var figures = CountWithAGap();

        Expect.Ok(figures.Quarter("UMPEG-1", 1), 10, 10, null);
        Expect.Ok(figures.Quarter("UMPEG-1", 3), 7, 7, null);
        Expect.Ok(figures.Quarter("UMPEG-1", 4), 5, 5, null);
    }

    [Fact]
    public void Given_entered_count_without_entry_in_a_quarter_Then_that_quarter_is_NO_DATA()
    {
        var value = CountWithAGap().Quarter("UMPEG-1", 2);

        Expect.NoValue(value, ValueStatus.NoData);
        Assert.Null(value.Numerator);
    }

    [Fact]
    public void Given_entered_count_Then_cumulative_quarter_adds_entered_quarters()
    {
        var figures = CountWithAGap();

        Expect.Ok(figures.Through("UMPEG-1", 1), 10, 10, null); // 10
        Expect.Ok(figures.Through("UMPEG-1", 2), 10, 10, null); // 10 + (TW2 nothing)
        Expect.Ok(figures.Through("UMPEG-1", 3), 17, 17, null); // 10 + 7
        Expect.Ok(figures.Through("UMPEG-1", 4), 22, 22, null); // 10 + 7 + 5
    }

    [Fact]
    public void Given_entered_count_Then_year_adds_all_entered_quarters()
    {
        Expect.Ok(CountWithAGap().WholeYear("UMPEG-1"), 22, 22, null); // 10 + 7 + 5
    }

    [Fact]
    public void Given_count_entered_only_from_second_quarter_Then_cumulative_first_quarter_is_NO_DATA_and_second_is_the_entry()
    {
        var figures = new Figures().Count("PROLAP-1", 2, 3);

        Expect.NoValue(figures.Through("PROLAP-1", 1), ValueStatus.NoData);
        Expect.Ok(figures.Through("PROLAP-1", 2), 3, 3, null); // (nothing) + 3
        Expect.Ok(figures.WholeYear("PROLAP-1"), 3, 3, null);
    }

    [Fact]
    public void Given_count_never_entered_Then_quarter_cumulative_and_year_are_NO_DATA()
    {
        var figures = new Figures().Count("UMPEG-2", 1, 4); // another indicator has data

        Expect.NoValue(figures.Quarter("UMPEG-1", 1), ValueStatus.NoData);
        Expect.NoValue(figures.Through("UMPEG-1", 3), ValueStatus.NoData);
        Expect.NoValue(figures.WholeYear("UMPEG-1"), ValueStatus.NoData);
    }

    [Fact]
    public void Given_count_entered_as_zero_Then_it_is_recorded_zero_not_NO_DATA()
    {
        var figures = new Figures().Count("UMPEG-1", 1, 0);

        Expect.Ok(figures.Quarter("UMPEG-1", 1), 0, 0, null);
        Expect.Ok(figures.WholeYear("UMPEG-1"), 0, 0, null);
    }

    // KEU-2 (PERCENT, input/input): TW1 9/10 = 90 %, TW2 10/40 = 25 %. The average of the two
    // percentages, (90 + 25) / 2 = 57.5, is not the value of the half year.
    private static Figures PercentOverTwoQuarters() => new Figures()
        .Percent("KEU-2", 1, 9, 10)
        .Percent("KEU-2", 2, 10, 40);

    [Fact]
    public void Given_entered_percent_Then_a_quarter_is_its_numerator_over_its_denominator()
    {
        var figures = PercentOverTwoQuarters();

        Expect.Ok(figures.Quarter("KEU-2", 1), 90, 9, 10);  // 9 / 10 * 100
        Expect.Ok(figures.Quarter("KEU-2", 2), 25, 10, 40); // 10 / 40 * 100
    }

    [Fact]
    public void Given_entered_percent_Then_cumulative_quarter_is_summed_numerator_over_summed_denominator_not_average()
    {
        var value = PercentOverTwoQuarters().Through("KEU-2", 2);

        Expect.Ok(value, 38, 19, 50); // (9 + 10) / (10 + 40) * 100 = 38, not (90 + 25) / 2 = 57.5
    }

    [Fact]
    public void Given_entered_percent_Then_year_is_summed_numerator_over_summed_denominator_not_average()
    {
        var value = PercentOverTwoQuarters().WholeYear("KEU-2");

        Expect.Ok(value, 38, 19, 50); // (9 + 10) / (10 + 40) * 100; TW3 and TW4 have nothing
    }

    [Fact]
    public void Given_entered_percent_Then_a_quarter_without_entry_is_NO_DATA()
    {
        var value = PercentOverTwoQuarters().Quarter("KEU-2", 3);

        Expect.NoValue(value, ValueStatus.NoData);
        Assert.Null(value.Numerator);
        Assert.Null(value.Denominator);
    }

    [Fact]
    public void Given_entered_percent_VERVAL_1_Then_each_period_sums_both_parts()
    {
        // VERVAL-1: TW1 30/120 = 25 %, TW2 45/80 = 56.25 %, TW4 0/100 = 0 %.
        var figures = new Figures()
            .Percent("VERVAL-1", 1, 30, 120)
            .Percent("VERVAL-1", 2, 45, 80)
            .Percent("VERVAL-1", 4, 0, 100);

        Expect.Ok(figures.Quarter("VERVAL-1", 2), 56.25, 45, 80); // 45 / 80 * 100
        Expect.Ok(figures.Through("VERVAL-1", 2), 37.5, 75, 200); // (30 + 45) / (120 + 80) * 100; average would be 40.625
        Expect.Ok(figures.Through("VERVAL-1", 3), 37.5, 75, 200); // TW3 has nothing
        Expect.Ok(figures.WholeYear("VERVAL-1"), 25, 75, 300);    // (30 + 45 + 0) / (120 + 80 + 100) * 100
        Expect.Ok(figures.Quarter("VERVAL-1", 4), 0, 0, 100);     // 0 / 100 * 100
    }

    [Fact]
    public void Given_percent_with_numerator_but_no_denominator_Then_NO_DATA_with_the_numerator_shown()
    {
        var value = new Figures().Percent("KEU-3", 1, 5, null).Quarter("KEU-3", 1);

        Expect.NoValue(value, ValueStatus.NoData);
        Expect.Near(5, value.Numerator);
        Assert.Null(value.Denominator);
    }

    [Fact]
    public void Given_percent_with_denominator_but_no_numerator_Then_NO_DATA()
    {
        var value = new Figures().Percent("KEU-3", 1, null, 8).Quarter("KEU-3", 1);

        Expect.NoValue(value, ValueStatus.NoData);
        Assert.Null(value.Numerator);
        Expect.Near(8, value.Denominator);
    }

    [Fact]
    public void Given_percent_parts_entered_in_different_quarters_Then_cumulative_period_has_both_parts()
    {
        // "An entered part is recorded for a period when at least one of its quarters has an entry."
        var figures = new Figures()
            .Percent("KEU-4", 1, 5, null)
            .Percent("KEU-4", 2, null, 10);

        Expect.NoValue(figures.Quarter("KEU-4", 1), ValueStatus.NoData);
        Expect.NoValue(figures.Quarter("KEU-4", 2), ValueStatus.NoData);
        Expect.Ok(figures.Through("KEU-4", 2), 50, 5, 10); // 5 / 10 * 100
    }

    [Fact]
    public void Given_percent_with_zero_denominator_Then_UNDEFINED_with_null_value()
    {
        var figures = new Figures()
            .Percent("KEU-2", 1, 3, 0)
            .Percent("KEU-2", 2, 0, 0)
            .Percent("KEU-2", 3, 4, 8);

        var q1 = figures.Quarter("KEU-2", 1);
        Expect.NoValue(q1, ValueStatus.Undefined); // 3 / 0
        Expect.Near(3, q1.Numerator);
        Expect.Near(0, q1.Denominator);

        var q2 = figures.Quarter("KEU-2", 2);
        Expect.NoValue(q2, ValueStatus.Undefined); // 0 / 0
        Expect.Near(0, q2.Numerator);
        Expect.Near(0, q2.Denominator);

        var half = figures.Through("KEU-2", 2);
        Expect.NoValue(half, ValueStatus.Undefined); // (3 + 0) / (0 + 0)

        Expect.Ok(figures.Through("KEU-2", 3), 87.5, 7, 8); // (3 + 0 + 4) / (0 + 0 + 8) * 100
    }
}
