using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Sources;

public abstract class ImportCommandTests(DatabaseEngine engine)
{
    [Fact]
    public async Task Given_the_command_line_Then_import_reads_a_sample_and_reports_what_it_did()
    {
        using var data = new TempDirectory();
        var sample = Path.Combine(Repository.Root, "samples", "registers", "pmks.xlsx");
        var database = KinerjaHost.DatabaseSwitches(data.Path, engine);

        var (code, output, _) = await HostProcess.RunAsync(TimeSpan.FromSeconds(90), ["import", "pmks", sample, .. database]);
        var (again, repeated, _) = await HostProcess.RunAsync(TimeSpan.FromSeconds(90), ["import", "pmks", sample, .. database]);
        var (missing, _, error) = await HostProcess.RunAsync(TimeSpan.FromSeconds(90), ["import", "pmks", "tidak-ada.csv", .. database]);

        Assert.Equal(0, code);
        Assert.Contains("11 baris, 11 diterima (11 baru, 0 diperbarui, 0 tidak berubah), 0 ditolak", output);
        Assert.Equal(0, again);
        Assert.Contains("11 tidak berubah", repeated);
        Assert.NotEqual(0, missing);
        Assert.Contains("tidak ada", error);
    }
}

public sealed class ImportCommandTestsOnSqlite() : ImportCommandTests(DatabaseEngine.Sqlite);

public sealed class ImportCommandTestsOnPostgreSql() : ImportCommandTests(DatabaseEngine.PostgreSql);
