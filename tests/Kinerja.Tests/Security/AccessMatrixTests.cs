using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Security;

/// <summary>Every mutation, for every role and place in the unit tree, through the real endpoint.</summary>
public abstract class AccessMatrixTests
{
    // A runRollup of 2030 needs its triwulan to have ended.
    public abstract class Accounts(DatabaseEngine engine) : SharedHost(engine, now: DateTimeOffset.Parse("2031-02-01T09:00:00+07:00"))
    {
        public Dictionary<string, string?> Tokens { get; } = new() { ["anonim"] = null };

        protected override async Task SeedAsync()
        {
            Tokens["admin"] = await Host.SignInAsync("admin", Roles.Admin, null);
            Tokens["pimpinan"] = await Host.SignInAsync("kadis", Roles.Pimpinan, "DINSOS");
            Tokens["operator REHSOS"] = await Host.SignInAsync("op-rehsos", Roles.Operator, "REHSOS");
            Tokens["operator PEMULIHAN"] = await Host.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
            Tokens["operator PERLINDUNGAN"] = await Host.SignInAsync("op-perlindungan", Roles.Operator, "PERLINDUNGAN");
            Tokens["operator VERVAL"] = await Host.SignInAsync("op-verval", Roles.Operator, "VERVAL");
            Tokens["verifikator REHSOS"] = await Host.SignInAsync("kabid-rehsos", Roles.Verifikator, "REHSOS");
        }
    }

    public sealed class AccountsOnSqlite() : Accounts(DatabaseEngine.Sqlite);

    public sealed class AccountsOnPostgreSql() : Accounts(DatabaseEngine.PostgreSql);

    private readonly Accounts _accounts;

    protected AccessMatrixTests(Accounts accounts) => _accounts = accounts;

    private const string Figures = """
        { p: value(indicator: "PEMULIHAN-1", year: 2030, quarter: 1) { numerator target }
          i: value(indicator: "IKU-1", year: 2030, quarter: 1) { denominator }
          t: tree(year: 2030) { indicator { code } numerator isDefault }
          s: sources(year: 2030) { code source } }
        """;

    public static TheoryData<string, string, bool> Matrix()
    {
        var record = """mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2030, quarter: 1, value: 5 }) { status } }""";
        var stock = """mutation { recordBaseMeasure(input: { measure: "pmks.total", year: 2030, quarter: 1, value: 50 }) { value } }""";
        var target = """mutation { setTarget(input: { indicator: "PEMULIHAN-1", year: 2030, value: 8 }) { status } }""";
        var rule = """mutation { setIndicatorRule(year: 2030, indicator: "REHSOS-1", numerator: "sum:PEMULIHAN-1,PELAYANAN-1", denominator: "base:eks_penyakit_sosial.total") { isDefault } }""";
        var source = """mutation { setSource(code: "PEMULIHAN-1", year: 2030, source: REGISTER) { source } }""";
        var rollup = """mutation { runRollup(year: 2030, quarter: 1) { revision } }""";
        var data = new TheoryData<string, string, bool>();
        void Row(string mutation, string role, bool allowed) => data.Add(mutation, role, allowed);
        foreach (var role in new[] { "admin", "operator REHSOS", "operator PEMULIHAN" })
        {
            Row(record, role, true);
            Row(target, role, true);
            Row(source, role, true);
        }
        foreach (var role in new[] { "anonim", "pimpinan", "operator PERLINDUNGAN", "operator VERVAL", "verifikator REHSOS" })
        {
            Row(record, role, false);
            Row(target, role, false);
            Row(source, role, false);
        }
        foreach (var role in new[] { "admin", "operator VERVAL" })
        {
            Row(stock, role, true);
        }
        foreach (var role in new[] { "anonim", "pimpinan", "operator REHSOS", "operator PEMULIHAN", "verifikator REHSOS" })
        {
            Row(stock, role, false);
        }
        Row(rule, "admin", true);
        Row(rollup, "admin", true);
        foreach (var role in new[] { "anonim", "pimpinan", "operator REHSOS", "operator PEMULIHAN", "verifikator REHSOS" })
        {
            Row(rule, role, false);
            Row(rollup, role, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Given_a_role_Then_a_mutation_is_allowed_or_refused_with_a_clear_error_and_nothing_stored(string mutation, string role, bool allowed)
    {
        var host = _accounts.Host;
        var before = (await host.QueryAsync(Figures)).Ok().GetRawText();

        var answer = await host.QueryAsAsync(_accounts.Tokens[role], mutation);

        if (allowed)
        {
            answer.Ok();
            await UndoAsync(host, mutation);
            return;
        }
        var error = Assert.Single(answer.Root.GetProperty("errors").EnumerateArray());
        var code = error.GetProperty("extensions").GetProperty("code").GetString();
        Assert.Equal(role == "anonim" ? "UNAUTHENTICATED" : "FORBIDDEN", code);
        Assert.Contains(role == "anonim" ? "memerlukan akun" : "akses ditolak", error.GetProperty("message").GetString());
        Assert.Equal(before, (await host.QueryAsync(Figures)).Ok().GetRawText());
    }

    // Puts the shared host back as it was, so that each row starts from the same figures.
    private static async Task UndoAsync(KinerjaHost host, string mutation)
    {
        if (mutation.Contains("runRollup"))
        {
            (await host.QueryAsync("mutation { reopenQuarter(year: 2030, quarter: 1) { closed } }")).Ok();
            return;
        }
        await host.QueryAsync("""
            mutation { a: setSource(code: "PEMULIHAN-1", year: 2030, source: ENTERED) { source }
                       b: restoreDefaultTree(year: 2030) { isDefault } }
            """);
    }

    [Fact]
    public async Task Given_reads_Then_any_account_reads_aggregates_and_no_account_reads_nothing()
    {
        var host = _accounts.Host;
        const string read = """{ iku(year: 2026) { status } indicators { code } }""";

        foreach (var role in new[] { "pimpinan", "operator PERLINDUNGAN", "verifikator REHSOS" })
        {
            (await host.QueryAsAsync(_accounts.Tokens[role], read)).Ok();
        }
        var anonymous = await host.QueryAsAsync(null, read);
        Assert.Equal(JsonValueKind.Null, anonymous.Data.ValueKind);
        Assert.All(anonymous.Root.GetProperty("errors").EnumerateArray(),
            e => Assert.Equal("UNAUTHENTICATED", e.GetProperty("extensions").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Given_an_audit_trail_Then_only_admins_read_it()
    {
        var refused = await _accounts.Host.QueryAsAsync(_accounts.Tokens["pimpinan"], "{ auditTrail { action } }");
        Assert.Equal("FORBIDDEN", refused.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        (await _accounts.Host.QueryAsAsync(_accounts.Tokens["admin"], "{ auditTrail { action } }")).Ok();
    }
}

public sealed class AccessMatrixTestsOnSqlite(AccessMatrixTests.AccountsOnSqlite accounts)
    : AccessMatrixTests(accounts), IClassFixture<AccessMatrixTests.AccountsOnSqlite>;

public sealed class AccessMatrixTestsOnPostgreSql(AccessMatrixTests.AccountsOnPostgreSql accounts)
    : AccessMatrixTests(accounts), IClassFixture<AccessMatrixTests.AccountsOnPostgreSql>;
