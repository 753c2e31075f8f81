using System.Text.Json;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using static Kinerja.Tests.Reports.Reports;

namespace Kinerja.Tests.Security;

/// <summary>
/// One rule of reading, door by door: aggregates for every account; a unit's entries, analyses and reports for the unit,
/// the units above it, pimpinan and admins; the same through GraphQL and /reports.
/// </summary>
public sealed class ReadScopeTests(ReadScopeTests.Office office) : IClassFixture<ReadScopeTests.Office>
{
    public sealed class Office() : SharedHost
    {
        public Dictionary<string, string> Tokens { get; } = [];

        protected override async Task SeedAsync()
        {
            (await Host.QueryAsync("""
                mutation { a: recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 4 }) { status }
                           b: recordRealization(input: { indicator: "PERLINDUNGAN-1", year: 2026, quarter: 1, value: 7 }) { status }
                           c: setAnalysis(input: { indicator: "PEMULIHAN-1", year: 2026, faktorPendukung: "rahasia pemulihan" }) { indicator }
                           d: setAnalysis(input: { indicator: "PERLINDUNGAN-1", year: 2026, faktorPendukung: "rahasia perlindungan" }) { indicator } }
                """)).Ok();
            Tokens["pimpinan"] = await Host.SignInAsync("kadis-baca", Roles.Pimpinan, "DINSOS");
            Tokens["operator PEMULIHAN"] = await Host.SignInAsync("op-baca", Roles.Operator, "PEMULIHAN");
            Tokens["verifikator REHSOS"] = await Host.SignInAsync("kabid-baca", Roles.Verifikator, "REHSOS");
            Tokens["operator LINJAMSOS"] = await Host.SignInAsync("op-lain-baca", Roles.Operator, "LINJAMSOS");
        }
    }

    // Who may read the unit's own writing: the unit, those above it, pimpinan and admins.
    public static TheoryData<string, string, bool> Doors()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (role, pemulihan, rehsos) in new[]
        {
            ("pimpinan", true, true), ("operator PEMULIHAN", true, false), ("verifikator REHSOS", true, true), ("operator LINJAMSOS", false, false),
        })
        {
            data.Add(role, "PEMULIHAN", pemulihan);
            data.Add(role, "REHSOS", rehsos);
        }
        return data;
    }

    private static string? Code(GraphQLAnswer answer) =>
        answer.HasErrors ? answer.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Given_a_role_and_a_unit_Then_entries_analyses_and_reports_answer_alike_through_every_door(string role, string unit, bool allowed)
    {
        var token = office.Tokens[role];
        var realizations = await office.Host.QueryAsAsync(token, "query($u: String) { realizations(year: 2026, unit: $u) { enteredBy } }", new { u = unit });
        var analyses = await office.Host.QueryAsAsync(token, "query($u: String) { analyses(year: 2026, unit: $u) { faktorPendukung } }", new { u = unit });
        var report = await GetAsync(office.Host, $"/reports/pengukuran-kinerja.xlsx?year=2026&unit={unit}", token);

        Assert.Equal(allowed ? null : "FORBIDDEN", Code(realizations));
        Assert.Equal(allowed ? null : "FORBIDDEN", Code(analyses));
        Assert.Equal(allowed ? 200 : 403, report.Status);
        if (!allowed)
        {
            Assert.DoesNotContain("rahasia", realizations.Body + analyses.Body);
        }
    }

    [Theory]
    [InlineData("pimpinan", 2)]
    [InlineData("verifikator REHSOS", 1)]
    [InlineData("operator PEMULIHAN", 1)]
    [InlineData("operator LINJAMSOS", 1)]
    public async Task Given_no_unit_asked_Then_each_reads_what_its_scope_holds_and_every_account_reads_the_aggregates(string role, int entries)
    {
        var token = office.Tokens[role];

        var all = (await office.Host.QueryAsAsync(token, "{ realizations(year: 2026) { indicator { code } } analyses(year: 2026) { indicator } }")).Ok();

        Assert.Equal(entries, all.GetProperty("realizations").GetArrayLength());
        Assert.Equal(entries, all.GetProperty("analyses").GetArrayLength());
        var aggregates = (await office.Host.QueryAsAsync(token, """
            { iku(year: 2026) { status } value(indicator: "PERLINDUNGAN-1", year: 2026, quarter: 1) { value }
              values(year: 2026, quarter: 1, unit: "JAMINAN") { status } tree(year: 2026) { numerator } }
            """)).Ok();
        Assert.Equal(7, aggregates.GetProperty("value").GetProperty("value").GetDouble());
    }
}
