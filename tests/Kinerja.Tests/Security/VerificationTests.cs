using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Security;

/// <summary>Submit, verify, return, correct: by the right verifikator only, each step in the audit trail.</summary>
public abstract class VerificationTests(DatabaseEngine engine) : FreshHost(engine)
{
    private string _operator = null!, _sameUnit = null!, _kabid = null!, _otherKabid = null!;

    protected override async Task SeedAsync()
    {
        _operator = await Host.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        _sameUnit = await Host.SignInAsync("kasi-pemulihan", Roles.Verifikator, "PEMULIHAN");
        _kabid = await Host.SignInAsync("kabid-rehsos", Roles.Verifikator, "REHSOS");
        _otherKabid = await Host.SignInAsync("kabid-linjamsos", Roles.Verifikator, "LINJAMSOS");
    }

    private Task<GraphQLAnswer> EnterAsync(string token, double value) => Host.QueryAsAsync(token,
        $$"""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: {{value}} }) { verification } }""");

    // The revision a verifikator's screen shows, as the list of entries gives it.
    private async Task<int> RevisionAsync() => (await Host.QueryAsync("""{ realizations(year: 2026, quarter: 1, unit: "PEMULIHAN") { revision } }"""))
        .Ok().GetProperty("realizations")[0].GetProperty("revision").GetInt32();

    private async Task<GraphQLAnswer> VerifyAsync(string token, int? revision = null) => await Host.QueryAsAsync(token,
        """mutation($v: Int!) { verifyRealization(indicator: "PEMULIHAN-1", year: 2026, quarter: 1, revision: $v) { verification numerator } }""",
        new { v = revision ?? await RevisionAsync() });

    private async Task<GraphQLAnswer> ReturnAsync(string token, string reason) => await Host.QueryAsAsync(token,
        "mutation($r: String!, $v: Int!) { returnRealization(indicator: \"PEMULIHAN-1\", year: 2026, quarter: 1, revision: $v, reason: $r) { verification } }",
        new { r = reason, v = await RevisionAsync() });

    private async Task<JsonElement> StateAsync(bool verifiedOnly = false) => (await Host.QueryAsync(
        $$"""{ value(indicator: "PEMULIHAN-1", year: 2026, quarter: 1, verifiedOnly: {{(verifiedOnly ? "true" : "false")}}) { numerator status verification } }"""))
        .Ok().GetProperty("value");

    private static string Code(GraphQLAnswer answer) =>
        answer.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Given_a_submitted_figure_Then_only_a_verifikator_above_it_verifies_or_returns_it()
    {
        Assert.Equal("DIAJUKAN", (await EnterAsync(_operator, 12)).Ok().GetProperty("recordRealization").GetProperty("verification").GetString());

        Assert.Equal("FORBIDDEN", Code(await VerifyAsync(_operator)));      // an operator verifies nothing
        Assert.Equal("FORBIDDEN", Code(await VerifyAsync(_sameUnit)));      // the Seksi's own verifikator is not above it
        Assert.Equal("FORBIDDEN", Code(await VerifyAsync(_otherKabid)));    // another Bidang's Kepala
        Assert.Equal("DIAJUKAN", (await StateAsync()).GetProperty("verification").GetString());
        Assert.Equal("NO_DATA", (await StateAsync(verifiedOnly: true)).GetProperty("status").GetString());

        Assert.StartsWith("reason:", Assert.Single((await ReturnAsync(_kabid, "  ")).ErrorMessages));
        Assert.Equal("DIKEMBALIKAN", (await ReturnAsync(_kabid, "jumlah peserta tidak sesuai daftar hadir")).Ok()
            .GetProperty("returnRealization").GetProperty("verification").GetString());
        Assert.Equal("INVALID_INPUT", Code(await VerifyAsync(_kabid)));     // a returned figure waits for its correction

        Assert.Equal("DIAJUKAN", (await EnterAsync(_operator, 10)).Ok().GetProperty("recordRealization").GetProperty("verification").GetString());
        Assert.Equal("DIVERIFIKASI", (await VerifyAsync(_kabid)).Ok().GetProperty("verifyRealization").GetProperty("verification").GetString());
        Assert.Equal("""{"numerator":10,"status":"OK","verification":"DIVERIFIKASI"}""", (await StateAsync(verifiedOnly: true)).GetRawText());

        var trail = (await Host.QueryAsync("""{ auditTrail(code: "PEMULIHAN-1") { user action before after } }""")).Ok().GetProperty("auditTrail");
        var steps = trail.EnumerateArray().Reverse().Select(e => (User: e.GetProperty("user").GetString(), Action: e.GetProperty("action").GetString())).ToList();
        Assert.Equal(
            [("op-pemulihan", "realisasi diisi"), ("kabid-rehsos", "realisasi dikembalikan"), ("op-pemulihan", "realisasi diisi"), ("kabid-rehsos", "realisasi diverifikasi")],
            steps);
        var correction = trail.EnumerateArray().Reverse().ElementAt(2);
        Assert.Contains("\"numerator\":12", correction.GetProperty("before").GetString());
        Assert.Contains("\"state\":\"DIKEMBALIKAN\"", correction.GetProperty("before").GetString());
        Assert.Contains("\"numerator\":10", correction.GetProperty("after").GetString());
        var byUser = (await Host.QueryAsync("""{ auditTrail(user: "kabid-rehsos", unit: "PEMULIHAN") { action origin } }""")).Ok().GetProperty("auditTrail");
        Assert.Equal(2, byUser.GetArrayLength());
    }

    [Fact]
    public async Task Given_an_operator_who_is_also_a_verifikator_Then_they_cannot_verify_their_own_entry()
    {
        await Host.CreateAccountAsync("kabid-dua-peran", [Roles.Operator, Roles.Verifikator], "REHSOS");
        var token = await Host.SignInAsync("kabid-dua-peran", Roles.Operator, "REHSOS");

        (await Host.QueryAsAsync(token, """mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 4 }) { status } }""")).Ok();
        var own = await VerifyAsync(token);

        Assert.Contains("sendiri", Assert.Single(own.ErrorMessages));
    }

    [Fact]
    public async Task Given_an_entry_changed_after_the_verifikator_read_it_Then_the_verification_of_what_was_read_is_refused()
    {
        (await EnterAsync(_operator, 5)).Ok();
        var seen = await RevisionAsync();
        (await EnterAsync(_operator, 99999)).Ok();

        var stale = await VerifyAsync(_kabid, seen);

        Assert.StartsWith("revision: realisasi PEMULIHAN-1 tahun 2026 triwulan 1 telah berubah sejak dibaca (revisi 1 dibaca, sekarang revisi 2: 99.999)",
            Assert.Single(stale.ErrorMessages));
        Assert.Equal("""{"numerator":99999,"status":"OK","verification":"DIAJUKAN"}""", (await StateAsync()).GetRawText());
        Assert.Equal(2, await RevisionAsync());
        Assert.Equal("DIVERIFIKASI", (await VerifyAsync(_kabid, 2)).Ok().GetProperty("verifyRealization").GetProperty("verification").GetString());
        Assert.Equal(3, await RevisionAsync());
    }
}

public sealed class VerificationTestsOnSqlite() : VerificationTests(DatabaseEngine.Sqlite);

public sealed class VerificationTestsOnPostgreSql() : VerificationTests(DatabaseEngine.PostgreSql);
