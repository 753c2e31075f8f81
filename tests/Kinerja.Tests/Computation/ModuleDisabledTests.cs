using Kinerja.Modules.Cascade.Computation;

namespace Kinerja.Tests.Computation;

/// <summary>
/// Spec: MODULE_DISABLED when a part a value needs belongs to a module that this host has not loaded
/// (value null: a partial figure must not pass for a whole one).
/// </summary>
public sealed class ModuleDisabledTests
{
    // Host with Cascade and Rehabilitasi only. Rehabilitasi kegiatan, TW1:
    //   PEMULIHAN-1 10, PELAYANAN-1 5, PELAYANAN-2 1, PELAYANAN-3 2, PENGEMBANGAN-1 4
    //   targets TW1: PENGEMBANGAN-1 10, PELAYANAN-1 10
    // No Pemberdayaan or Linjamsos figures: those modules are not loaded.
    private static Figures CascadeAndRehabilitasi() => new Figures()
        .OnlyModules(Figures.Cascade, Figures.Rehabilitasi)
        .Count("PEMULIHAN-1", 1, 10)
        .Count("PELAYANAN-1", 1, 5)
        .Count("PELAYANAN-2", 1, 1)
        .Count("PELAYANAN-3", 1, 2)
        .Count("PENGEMBANGAN-1", 1, 4)
        .QuarterTarget("PENGEMBANGAN-1", 1, 10).QuarterTarget("PELAYANAN-1", 1, 10)
        .AnnualTarget("IKU-1", 5).AnnualTarget("IKU-2", 5);

    [Fact]
    public void Given_only_Cascade_and_Rehabilitasi_Then_IKU_1_is_MODULE_DISABLED_with_null_value()
    {
        var figures = CascadeAndRehabilitasi();

        // pmks.total, IKU-1's denominator, belongs to Pemberdayaan.
        Expect.NoValue(figures.Quarter("IKU-1", 1), ValueStatus.ModuleDisabled);
        Expect.NoValue(figures.Through("IKU-1", 2), ValueStatus.ModuleDisabled);
        Expect.NoValue(figures.WholeYear("IKU-1"), ValueStatus.ModuleDisabled);
    }

    [Fact]
    public void Given_only_Cascade_and_Rehabilitasi_Then_IKU_2_is_MODULE_DISABLED_but_its_numerator_is_a_number()
    {
        var figures = CascadeAndRehabilitasi();

        var q1 = figures.Quarter("IKU-2", 1);
        Expect.NoValue(q1, ValueStatus.ModuleDisabled);
        Expect.Near(18, q1.Numerator); // PEMULIHAN-1 10 + PELAYANAN-1 5 + PELAYANAN-2 1 + PELAYANAN-3 2
        Assert.Null(q1.Denominator);

        var year = figures.WholeYear("IKU-2");
        Expect.NoValue(year, ValueStatus.ModuleDisabled);
        Expect.Near(18, year.Numerator); // same, only TW1 has entries
    }

    [Fact]
    public void Given_only_Cascade_and_Rehabilitasi_Then_IKU_3_whose_numerator_is_Linjamsos_is_MODULE_DISABLED()
    {
        var figures = CascadeAndRehabilitasi();

        var value = figures.Quarter("IKU-3", 1);
        Expect.NoValue(value, ValueStatus.ModuleDisabled);
        Assert.Null(value.Numerator); // LINJAMSOS-1 is not loaded: no partial figure
        Assert.Equal(["LINJAMSOS-1"], Expect.Codes(value));
        Assert.Equal(ValueStatus.ModuleDisabled, value.Contributions[0].Status);
        Expect.NoValue(figures.WholeYear("IKU-3"), ValueStatus.ModuleDisabled);
    }

    [Fact]
    public void Given_Linjamsos_disabled_and_fakir_miskin_stock_present_Then_IKU_3_is_MODULE_DISABLED_not_NO_DATA()
    {
        // Pemberdayaan is loaded: IKU-3's denominator (fakir_miskin.total) is a number; its numerator
        // (LINJAMSOS-1) is not loaded, so the value is not "nothing recorded" but MODULE_DISABLED.
        var value = new Figures()
            .OnlyModules(Figures.Cascade, Figures.Rehabilitasi, Figures.Pemberdayaan)
            .Stock("fakir_miskin.total", 1, 500)
            .Quarter("IKU-3", 1);

        Expect.NoValue(value, ValueStatus.ModuleDisabled);
        Assert.Null(value.Numerator);
        Expect.Near(500, value.Denominator);
    }

    [Fact]
    public void Given_a_tree_summing_across_modules_with_one_disabled_Then_MODULE_DISABLED_not_a_partial_sum()
    {
        // The year's tree makes IKU-2 := sum:PEMULIHAN-1,PERLINDUNGAN-1 / base:pmks.total; Linjamsos is not loaded.
        // 10 / 1000 * 100 = 1 would be a partial figure passing for a whole one.
        var value = new Figures()
            .OnlyModules(Figures.Cascade, Figures.Rehabilitasi, Figures.Pemberdayaan)
            .Rule("IKU-2", "sum:PEMULIHAN-1,PERLINDUNGAN-1", "base:pmks.total")
            .Count("PEMULIHAN-1", 1, 10)
            .Stock("pmks.total", 1, 1000)
            .Quarter("IKU-2", 1);

        Expect.NoValue(value, ValueStatus.ModuleDisabled);
        Assert.Null(value.Numerator);
    }

    [Fact]
    public void Given_only_Cascade_and_Rehabilitasi_Then_IKU_4_whose_parts_are_Pemberdayaan_is_MODULE_DISABLED()
    {
        Expect.NoValue(CascadeAndRehabilitasi().Through("IKU-4", 4), ValueStatus.ModuleDisabled);
    }

    [Fact]
    public void Given_only_Cascade_and_Rehabilitasi_Then_REHSOS_2_which_needs_only_Rehabilitasi_is_computed()
    {
        // (4 + 5 + 1 + 2) / (10 + 10) * 100 = 12 / 20 * 100
        Expect.Ok(CascadeAndRehabilitasi().Quarter("REHSOS-2", 1), 60, 12, 20);
    }

    [Fact]
    public void Given_only_Cascade_and_Rehabilitasi_Then_REHSOS_1_over_a_Pemberdayaan_stock_is_MODULE_DISABLED()
    {
        // eks_penyakit_sosial.total belongs to Pemberdayaan.
        var value = CascadeAndRehabilitasi().Quarter("REHSOS-1", 1);

        Expect.NoValue(value, ValueStatus.ModuleDisabled);
        Expect.Near(10, value.Numerator); // PEMULIHAN-1
    }

    [Fact]
    public void Given_a_disabled_module_Then_its_own_indicators_are_MODULE_DISABLED()
    {
        var figures = CascadeAndRehabilitasi();

        Expect.NoValue(figures.Quarter("LINJAMSOS-1", 1), ValueStatus.ModuleDisabled);
        Expect.NoValue(figures.Quarter("UMPEG-1", 1), ValueStatus.ModuleDisabled);
        Expect.NoValue(figures.WholeYear("SEK-1"), ValueStatus.ModuleDisabled);
    }

    [Fact]
    public void Given_disabled_module_even_with_figures_present_Then_IKU_1_is_still_MODULE_DISABLED()
    {
        // Should a disabled module's figures reach the evaluator, they still must not be used.
        var value = CascadeAndRehabilitasi().Stock("pmks.total", 1, 1000).Quarter("IKU-1", 1);

        Expect.NoValue(value, ValueStatus.ModuleDisabled);
        Assert.Null(value.Denominator);
    }

    [Fact]
    public void Given_all_modules_enabled_Then_the_same_figures_give_numbers()
    {
        var figures = CascadeAndRehabilitasi()
            .OnlyModules(Figures.Cascade, Figures.Sekretariat, Figures.Rehabilitasi, Figures.Linjamsos, Figures.Pemberdayaan, Figures.UptLbk)
            .Stock("pmks.total", 1, 1000);

        // IKU-2 = 18 / 1000 * 100
        Expect.Ok(figures.Quarter("IKU-2", 1), 1.8, 18, 1000);
        // IKU-1 = (REHSOS-1 10 + REHSOS-2 12 + REHSOS-3 nothing) / 1000 * 100
        Expect.Ok(figures.Quarter("IKU-1", 1), 2.2, 22, 1000);
    }
}
