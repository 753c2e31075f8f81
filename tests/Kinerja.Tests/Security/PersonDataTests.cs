using System.Text;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Security;

/// <summary>Person-level data goes to the roles whose work on the unit needs it; imports stay in the caller's units.</summary>
public sealed class PersonDataTests : FreshHost
{
    protected override async Task SeedAsync()
    {
        var services = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "registers", "layanan.csv")));
        (await Host.QueryAsync("mutation($c: String!) { importRegister(register: \"layanan\", fileName: \"layanan.csv\", contentBase64: $c) { accepted } }",
            new { c = services })).Ok();
    }

    private const string Served = """{ served(indicator: "PMI-1", year: 2026) { subject } }""";

    [Fact]
    public async Task Given_the_unit_s_own_operator_Then_the_whole_NIK_is_shown_and_to_others_it_is_masked()
    {
        var own = await Host.SignInAsync("op-pmi", Roles.Operator, "PMI");
        var bidang = await Host.SignInAsync("kabid-dayasos", Roles.Verifikator, "DAYASOS");
        var other = await Host.SignInAsync("op-jaminan", Roles.Operator, "JAMINAN");
        var kadis = await Host.SignInAsync("kadis", Roles.Pimpinan, "DINSOS");

        Assert.Contains("3525015203850001", (await Host.QueryAsAsync(own, Served)).Body);
        Assert.Contains("3525015203850001", (await Host.QueryAsAsync(bidang, Served)).Body);
        foreach (var token in new[] { other, kadis })
        {
            var body = (await Host.QueryAsAsync(token, Served)).Body;
            Assert.DoesNotContain("3525015203850001", body);
            Assert.Contains("3525**********01", body);
        }
    }

    [Fact]
    public async Task Given_an_operator_Then_registers_and_service_rows_of_other_units_are_refused()
    {
        var pmi = await Host.SignInAsync("op-pmi", Roles.Operator, "PMI");
        var pmks = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "registers", "pmks.csv")));
        var services = Convert.ToBase64String(Encoding.UTF8.GetBytes("""
            Tanggal,Kode Indikator,NIK,Nomor Registrasi,Kecamatan,Keterangan
            2026-06-01,PMI-1,3525074411700003,,Kebomas,Pelatihan
            2026-06-02,PEMULIHAN-1,3525082208600004,,Manyar,Pelatihan
            """));

        var register = await Host.QueryAsAsync(pmi, "mutation($c: String!) { importRegister(register: \"pmks\", fileName: \"p.csv\", contentBase64: $c) { accepted } }", new { c = pmks });
        var rows = (await Host.QueryAsAsync(pmi, "mutation($c: String!) { importRegister(register: \"layanan\", fileName: \"l.csv\", contentBase64: $c) { accepted refused { line field reason } } }",
            new { c = services })).Ok().GetProperty("importRegister");

        Assert.Contains("akses ditolak", Assert.Single(register.ErrorMessages));
        Assert.Equal(1, rows.GetProperty("accepted").GetInt32());
        var refused = Assert.Single(rows.GetProperty("refused").EnumerateArray());
        Assert.Equal(3, refused.GetProperty("line").GetInt32());
        Assert.Contains("PEMULIHAN", refused.GetProperty("reason").GetString());
    }
}
