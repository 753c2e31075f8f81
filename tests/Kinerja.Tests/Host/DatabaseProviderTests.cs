using Kinerja.Shared.Data;
using Kinerja.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kinerja.Tests.Host;

/// <summary>The engine switch, and where each part keeps its tables on PostgreSQL.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData("--Kinerja:Database:Provider=Oracle", "'Oracle' tidak dikenal: pilih Sqlite atau PostgreSQL")]
    [InlineData("--Kinerja:Database:Provider=postgresql", "memerlukan ConnectionStrings:Kinerja")]
    public async Task Given_a_wrong_database_setting_Then_the_host_does_not_start_and_says_why(string setting, string reason)
    {
        using var data = new TempDirectory();

        var (exitCode, _, error) = await HostProcess.RunAsync(TimeSpan.FromSeconds(60), setting, $"--Kinerja:DataDirectory={data.Path}");

        Assert.Equal(2, exitCode);
        Assert.Contains(reason, error);
    }

    [Fact]
    public async Task Given_PostgreSQL_Then_each_module_host_and_Quartz_keep_their_tables_and_migrations_history_in_a_schema_of_their_own()
    {
        await using var host = new KinerjaHost(engine: DatabaseEngine.PostgreSql);
        Assert.Equal(DatabaseEngine.PostgreSql, host.Services.GetRequiredService<IDatabaseProvider>().Engine);
        (await host.QueryAsync("{ modules { name } }")).Ok();

        await using var connection = new NpgsqlConnection(TestPostgres.DatabaseFor(host.DataDirectory));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'public')
            """;
        var tables = new List<(string Schema, string Name)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Equal(["cascade", "kinerja", "linjamsos", "pemberdayaan", "quartz", "rehabilitasi", "sekretariat", "uptlbk"],
            tables.Select(t => t.Schema).Distinct().Order(StringComparer.Ordinal));
        Assert.All(tables.Where(t => t.Schema == "quartz"), t => Assert.StartsWith("qrtz_", t.Name));
        Assert.All(tables.Where(t => t.Schema is not ("quartz" or "kinerja")), t => Assert.Matches($"^(__)?{t.Schema}_", t.Name));
        Assert.All(tables.Where(t => t.Schema == "kinerja" && !t.Name.StartsWith("__", StringComparison.Ordinal)), t => Assert.StartsWith("host_", t.Name));
        // Each kind of tables a module keeps has its own history: the indicator data every module has, the services
        // register of those with one, the tables of the module's own.
        foreach (var schema in new[] { "cascade", "linjamsos", "pemberdayaan", "rehabilitasi", "sekretariat", "uptlbk" })
        {
            Assert.Contains((schema, $"__{schema}_indicator_data_migrations"), tables);
        }
        foreach (var schema in new[] { "linjamsos", "pemberdayaan", "rehabilitasi", "uptlbk" })
        {
            Assert.Contains((schema, $"__{schema}_services_migrations"), tables);
        }
        foreach (var schema in new[] { "cascade", "linjamsos", "pemberdayaan" })
        {
            Assert.Contains((schema, $"__{schema}_module_migrations"), tables);
        }
        Assert.DoesNotContain(tables, t => t.Name.EndsWith("_migrations", StringComparison.Ordinal)
            && !t.Name.EndsWith("_indicator_data_migrations", StringComparison.Ordinal) && !t.Name.EndsWith("_services_migrations", StringComparison.Ordinal)
            && !t.Name.EndsWith("_module_migrations", StringComparison.Ordinal) && t.Name is not ("__accounts_migrations" or "__data_version_migrations" or "__backup_migrations"));
        Assert.Contains(("kinerja", "__accounts_migrations"), tables);
        Assert.Contains(("kinerja", "__data_version_migrations"), tables);
        Assert.Contains(("kinerja", "__backup_migrations"), tables);
        Assert.Contains(("kinerja", "host_backups"), tables);
        Assert.Contains(("pemberdayaan", "pemberdayaan_persons"), tables);
    }
}
