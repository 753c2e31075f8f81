using Kinerja.Modules.Cascade.Computation;

namespace Kinerja.Tests.Computation;

/// <summary>
/// The whole default cascade from kegiatan to the four IKU, every module enabled (spec, "The cascade" and
/// the rollup columns of indicators.tsv).
/// </summary>
public sealed class IkuChainTests
{
    // Kegiatan realisations (COUNT):
    //   PEMULIHAN-1     TW1 12, TW2 8
    //   PENGEMBANGAN-1  TW1 20
    //   PENGEMBANGAN-2  TW1 6,  TW2 4
    //   PELAYANAN-1     TW1 3,  TW2 7
    //   PELAYANAN-2             TW2 5
    //   PELAYANAN-3     TW1 2
    //   PELAYANAN-4     TW1 9
    //   PERLINDUNGAN-1  TW1 40
    //   PERLINDUNGAN-2          TW2 10
    //   PERLINDUNGAN-3  nothing
    //   JAMINAN-1       TW1 25, TW2 25
    //   KELEMBAGAAN-1   TW1 3,  TW2 2
    // Quarterly targets (TW1 and TW2) of REHSOS-2's children:
    //   PENGEMBANGAN-1 25, PELAYANAN-1 5, PELAYANAN-2 5, PELAYANAN-3 5, PELAYANAN-4 10 -> 50 a quarter
    // Stocks: pmks.total TW1 2000, TW2 2500; eks_penyakit_sosial.total TW1 100; disabilitas.total TW1 50;
    //   fakir_miskin.total TW1 500; lks.total TW1 40.
    private static Figures Chain()
    {
        var figures = new Figures()
            .Count("PEMULIHAN-1", 1, 12).Count("PEMULIHAN-1", 2, 8)
            .Count("PENGEMBANGAN-1", 1, 20)
            .Count("PENGEMBANGAN-2", 1, 6).Count("PENGEMBANGAN-2", 2, 4)
            .Count("PELAYANAN-1", 1, 3).Count("PELAYANAN-1", 2, 7)
            .Count("PELAYANAN-2", 2, 5)
            .Count("PELAYANAN-3", 1, 2)
            .Count("PELAYANAN-4", 1, 9)
            .Count("PERLINDUNGAN-1", 1, 40)
            .Count("PERLINDUNGAN-2", 2, 10)
            .Count("JAMINAN-1", 1, 25).Count("JAMINAN-1", 2, 25)
            .Count("KELEMBAGAAN-1", 1, 3).Count("KELEMBAGAAN-1", 2, 2)
            .Stock("pmks.total", 1, 2000).Stock("pmks.total", 2, 2500)
            .Stock("eks_penyakit_sosial.total", 1, 100)
            .Stock("disabilitas.total", 1, 50)
            .Stock("fakir_miskin.total", 1, 500)
            .Stock("lks.total", 1, 40);
        foreach (var (code, target) in new[]
                 {
                     ("PENGEMBANGAN-1", 25.0), ("PELAYANAN-1", 5.0), ("PELAYANAN-2", 5.0), ("PELAYANAN-3", 5.0), ("PELAYANAN-4", 10.0),
                 })
        {
            figures.QuarterTarget(code, 1, target).QuarterTarget(code, 2, target);
        }
        return figures;
    }

    [Fact]
    public void Given_full_chain_Then_IKU_1_cumulative_is_sum_of_REHSOS_1_2_3_numerators_over_pmks_total()
    {
        // REHSOS-1 12 + 8 = 20; REHSOS-2 20 + (3 + 7) + 5 + 2 + 9 = 46; REHSOS-3 6 + 4 = 10
        // (20 + 46 + 10) / 2500 * 100 = 76 / 2500 * 100
        Expect.Ok(Chain().Through("IKU-1", 2), 3.04, 76, 2500);
    }

    [Fact]
    public void Given_full_chain_Then_IKU_1_quarters_and_year()
    {
        var figures = Chain();

        // TW1: (12 + (20 + 3 + 0 + 2 + 9) + 6) / 2000 * 100 = 52 / 2000 * 100
        Expect.Ok(figures.Quarter("IKU-1", 1), 2.6, 52, 2000);
        // TW2: (8 + (0 + 7 + 5 + 0 + 0) + 4) / 2500 * 100 = 24 / 2500 * 100
        Expect.Ok(figures.Quarter("IKU-1", 2), 0.96, 24, 2500);
        // Year: 76 / 2500 * 100 (latest stock at or before TW4 is TW2's)
        Expect.Ok(figures.WholeYear("IKU-1"), 3.04, 76, 2500);
    }

    [Fact]
    public void Given_full_chain_Then_REHSOS_programs_of_IKU_1_have_their_own_values()
    {
        var iku1 = Chain().Through("IKU-1", 2);

        Assert.Equal(["REHSOS-1", "REHSOS-2", "REHSOS-3"], Expect.Codes(iku1));
        Expect.Ok(iku1.Contributions[0], 20, 20, 100);  // (12 + 8) / 100 * 100
        Expect.Ok(iku1.Contributions[1], 46, 46, 100);  // 46 / ((25 + 5 + 5 + 5 + 10) x 2) * 100
        Expect.Ok(iku1.Contributions[2], 20, 10, 50);   // (6 + 4) / 50 * 100
    }

    [Fact]
    public void Given_full_chain_Then_IKU_1_contributions_reach_down_to_kegiatan()
    {
        var iku1 = Chain().Through("IKU-1", 2);
        var rehsos1 = iku1.Contributions[0];
        var rehsos2 = iku1.Contributions[1];
        var rehsos3 = iku1.Contributions[2];

        Assert.Equal(["PEMULIHAN-1"], Expect.Codes(rehsos1));
        Assert.Equal(["PENGEMBANGAN-1", "PELAYANAN-1", "PELAYANAN-2", "PELAYANAN-3", "PELAYANAN-4"], Expect.Codes(rehsos2));
        Assert.Equal(["PENGEMBANGAN-2"], Expect.Codes(rehsos3));

        Expect.Ok(rehsos1.Contributions[0], 20, 20, null); // PEMULIHAN-1 12 + 8
        Expect.Ok(rehsos2.Contributions[0], 20, 20, null); // PENGEMBANGAN-1 20
        Expect.Ok(rehsos2.Contributions[1], 10, 10, null); // PELAYANAN-1 3 + 7
        Expect.Ok(rehsos2.Contributions[2], 5, 5, null);   // PELAYANAN-2 5
        Expect.Ok(rehsos2.Contributions[3], 2, 2, null);   // PELAYANAN-3 2
        Expect.Ok(rehsos2.Contributions[4], 9, 9, null);   // PELAYANAN-4 9
        Expect.Ok(rehsos3.Contributions[0], 10, 10, null); // PENGEMBANGAN-2 6 + 4

        Expect.Near(50, rehsos2.Contributions[0].Target);  // PENGEMBANGAN-1 25 + 25
        Assert.All(rehsos1.Contributions.Concat(rehsos2.Contributions).Concat(rehsos3.Contributions),
            kegiatan => Assert.Empty(kegiatan.Contributions));
    }

    [Fact]
    public void Given_full_chain_Then_IKU_2_sums_its_kegiatan_directly()
    {
        var iku2 = Chain().Through("IKU-2", 2);

        // (PEMULIHAN-1 20 + PELAYANAN-1 10 + PELAYANAN-2 5 + PELAYANAN-3 2) / 2500 * 100 = 37 / 2500 * 100
        Expect.Ok(iku2, 1.48, 37, 2500);
        Assert.Equal(["PEMULIHAN-1", "PELAYANAN-1", "PELAYANAN-2", "PELAYANAN-3"], Expect.Codes(iku2));
        Expect.Near(20, iku2.Contributions[0].Value);
        Expect.Near(10, iku2.Contributions[1].Value);
        Expect.Near(5, iku2.Contributions[2].Value);
        Expect.Near(2, iku2.Contributions[3].Value);

        // TW1: (12 + 3 + 0 + 2) / 2000 * 100 = 17 / 2000 * 100
        Expect.Ok(Chain().Quarter("IKU-2", 1), 0.85, 17, 2000);
    }

    [Fact]
    public void Given_full_chain_Then_IKU_3_is_LINJAMSOS_1_numerator_over_fakir_miskin_total()
    {
        var iku3 = Chain().Through("IKU-3", 2);

        // LINJAMSOS-1 = PERLINDUNGAN-1 40 + PERLINDUNGAN-2 10 + PERLINDUNGAN-3 nothing + JAMINAN-1 (25 + 25) = 100
        // IKU-3 = 100 / 500 * 100
        Expect.Ok(iku3, 20, 100, 500);
        Assert.Equal(["LINJAMSOS-1"], Expect.Codes(iku3));

        var linjamsos1 = iku3.Contributions[0];
        Expect.Ok(linjamsos1, 4, 100, 2500); // 100 / pmks.total 2500 * 100
        Assert.Equal(["PERLINDUNGAN-1", "PERLINDUNGAN-2", "PERLINDUNGAN-3", "JAMINAN-1"], Expect.Codes(linjamsos1));
        Expect.Ok(linjamsos1.Contributions[0], 40, 40, null);
        Expect.Ok(linjamsos1.Contributions[1], 10, 10, null);
        Expect.NoValue(linjamsos1.Contributions[2], ValueStatus.NoData);
        Expect.Ok(linjamsos1.Contributions[3], 50, 50, null); // 25 + 25

        // TW1: (40 + 25) / 500 * 100
        Expect.Ok(Chain().Quarter("IKU-3", 1), 13, 65, 500);
    }

    [Fact]
    public void Given_full_chain_Then_IKU_4_is_KELEMBAGAAN_1_over_lks_total()
    {
        var figures = Chain();
        var iku4 = figures.Through("IKU-4", 2);

        Expect.Ok(iku4, 12.5, 5, 40); // (3 + 2) / 40 * 100
        Assert.Equal(["KELEMBAGAAN-1"], Expect.Codes(iku4));
        Expect.Ok(iku4.Contributions[0], 5, 5, null);
        Assert.Empty(iku4.Contributions[0].Contributions);

        Expect.Ok(figures.Quarter("IKU-4", 1), 7.5, 3, 40); // 3 / 40 * 100
        Expect.Ok(figures.WholeYear("IKU-4"), 12.5, 5, 40); // (3 + 2) / 40 * 100
    }

    [Fact]
    public void Given_a_changed_tree_Then_the_rollup_follows_the_year_tree()
    {
        // The year's tree moves PELAYANAN-4 out of REHSOS-2 (numerator and denominator).
        var figures = Chain().Rule("REHSOS-2",
            "sum:PENGEMBANGAN-1,PELAYANAN-1,PELAYANAN-2,PELAYANAN-3",
            "target:PENGEMBANGAN-1,PELAYANAN-1,PELAYANAN-2,PELAYANAN-3");

        // REHSOS-2 = (20 + 10 + 5 + 2) / ((25 + 5 + 5 + 5) x 2) * 100 = 37 / 80 * 100
        Expect.Ok(figures.Through("REHSOS-2", 2), 46.25, 37, 80);
        // IKU-1 = (20 + 37 + 10) / 2500 * 100 = 67 / 2500 * 100
        Expect.Ok(figures.Through("IKU-1", 2), 2.68, 67, 2500);
    }
}
