using System.Text;
using Autofac;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests.Transactions;

/// <summary>A change and its audit row are one transaction: without the row, the change is not made.</summary>
public abstract class UnitOfWorkTests(DatabaseEngine engine)
{
    // Signing in and making the test's account are audited too: those still work, so that the test can send its change.
    private KinerjaHost HostWithBrokenAuditTrail(string? dataDirectory = null) => new(dataDirectory, container: c =>
        c.Register(x => new BrokenForChanges(x.Resolve<Kinerja.Modules.Accounts.AuditTrail>())).As<IAuditTrail>().SingleInstance(), engine: engine);

    private sealed class BrokenForChanges(IAuditTrail accounts) : IAuditTrail
    {
        public Task RecordAsync(Caller caller, AuditEntry entry, CancellationToken cancellationToken) =>
            entry.Action is "masuk" or "akun dibuat"
                ? accounts.RecordAsync(caller, entry, cancellationToken)
                : Task.FromException(new IOException("jejak audit tidak dapat ditulis"));
    }

    private static Task<long> VersionAsync(KinerjaHost host) => host.Services.GetRequiredService<IDataVersion>().CurrentAsync(CancellationToken.None);

    private const string Stored = """
        { p: value(indicator: "PEMULIHAN-1", year: 2026, quarter: 1) { numerator target }
          s: value(indicator: "IKU-1", year: 2026, quarter: 1) { denominator }
          t: tree(year: 2026) { numerator isDefault }
          q: quarters(year: 2026) { closed }
          n: snapshots(year: 2026) { revision }
          o: sources(year: 2026) { source } }
        """;

    [Theory]
    [InlineData("""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 5 }) { status } }""")]
    [InlineData("""mutation { setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 8 }) { status } }""")]
    [InlineData("""mutation { recordBaseMeasure(input: { measure: "pmks.total", year: 2026, quarter: 1, value: 50 }) { value } }""")]
    [InlineData("""mutation { setIndicatorRule(year: 2026, indicator: "REHSOS-1", numerator: "sum:PEMULIHAN-1,PELAYANAN-1", denominator: "base:eks_penyakit_sosial.total") { isDefault } }""")]
    [InlineData("""mutation { setSource(code: "PEMULIHAN-1", year: 2026, source: REGISTER) { source } }""")]
    // The rollup's audit row is written after its snapshot and closing: failing there, it leaves neither.
    [InlineData("""mutation { runRollup(year: 2026, quarter: 1) { revision } }""")]
    public async Task Given_an_audit_trail_that_cannot_be_written_Then_the_change_is_refused_and_nothing_is_stored(string mutation)
    {
        await using var host = HostWithBrokenAuditTrail();
        var before = (await host.QueryAsync(Stored)).Ok().GetRawText();
        var version = await VersionAsync(host);

        var answer = await host.QueryAsync(mutation);

        Assert.True(answer.HasErrors, answer.Body);
        Assert.Equal(before, (await host.QueryAsync(Stored)).Ok().GetRawText());
        Assert.Equal(version, await VersionAsync(host));
    }

    [Fact]
    public async Task Given_an_audit_trail_that_cannot_be_written_Then_an_import_stores_no_row()
    {
        using var data = new TempDirectory();
        var csv = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "registers", "pmks.csv"));
        const string import = "mutation($c: String!) { importRegister(register: \"pmks\", fileName: \"pmks.csv\", contentBase64: $c) { rows inserted unchanged } }";
        await using (var broken = HostWithBrokenAuditTrail(data.Path))
        {
            Assert.True((await broken.QueryAsync(import, new { c = Convert.ToBase64String(csv) })).HasErrors);
        }

        await using var host = new KinerjaHost(data.Path, engine: engine);
        var result = (await host.QueryAsync(import, new { c = Convert.ToBase64String(csv) })).Ok().GetProperty("importRegister");

        // Every row is new: the first import left none behind.
        Assert.Equal(0, result.GetProperty("unchanged").GetInt32());
        Assert.True(result.GetProperty("inserted").GetInt32() > 0);
    }

    [Fact]
    public async Task Given_changes_Then_each_raises_the_data_version_once_and_a_refused_one_does_not()
    {
        await using var host = new KinerjaHost(engine: engine);
        (await host.QueryAsync("{ modules { name } }")).Ok();
        var start = await VersionAsync(host);

        (await host.QueryAsync("""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 5 }) { status } }""")).Ok();
        (await host.QueryAsync("""mutation { setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, value: 20 }) { status } }""")).Ok();
        Assert.True((await host.QueryAsync("""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 9, value: 5 }) { status } }""")).HasErrors);

        Assert.Equal(start + 2, await VersionAsync(host));
        var trail = (await host.QueryAsync("""{ auditTrail(code: "PEMULIHAN-1") { action } }""")).Ok().GetProperty("auditTrail");
        Assert.Equal(2, trail.GetArrayLength());
    }

    [Fact]
    public async Task Given_a_file_without_a_required_column_Then_the_import_is_refused_and_the_data_version_stays()
    {
        await using var host = new KinerjaHost(engine: engine);
        (await host.QueryAsync("{ modules { name } }")).Ok();
        var version = await VersionAsync(host);

        var answer = await host.QueryAsync(
            "mutation($c: String!) { importRegister(register: \"pmks\", fileName: \"x.csv\", contentBase64: $c) { rows } }",
            new { c = Convert.ToBase64String(Encoding.UTF8.GetBytes("NIK,Nama\n3525015203850001,Siti\n")) });

        Assert.Contains("Jenis Kelamin", Assert.Single(answer.ErrorMessages));
        Assert.Equal(version, await VersionAsync(host));
        Assert.Equal(0, (await host.QueryAsync("""{ auditTrail(code: "pmks") { action } }""")).Ok().GetProperty("auditTrail").GetArrayLength());
    }
}

public sealed class UnitOfWorkTestsOnSqlite() : UnitOfWorkTests(DatabaseEngine.Sqlite);

public sealed class UnitOfWorkTestsOnPostgreSql() : UnitOfWorkTests(DatabaseEngine.PostgreSql);
