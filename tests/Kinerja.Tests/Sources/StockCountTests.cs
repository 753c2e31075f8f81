using Kinerja.Shared.Data;
using System.Globalization;
using System.Text;
using Kinerja.Shared.Registers;
using Kinerja.Shared.Sources;
using Kinerja.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests.Sources;

/// <summary>
/// The person stocks, counted in one pass for every stock of a date, against one plain statement per
/// stock; and the counts kept in the database across a restart until an import raises the registers' version.
/// </summary>
public sealed class StockCountTests
{
    // Jumlah PMKS, then a stock per group of categories (fakir_miskin.total, ...).
    private static readonly IEnumerable<(string Measure, IReadOnlyList<PmksCategory>? Categories)> PersonStocks =
        PmksCategories.Groups.Select(g => ($"{g.Code}.total", (IReadOnlyList<PmksCategory>?)g)).Prepend(("pmks.total", null));

    [Theory]
    [InlineData(DatabaseEngine.Sqlite)]
    [InlineData(DatabaseEngine.PostgreSql)]
    public async Task Given_generated_registers_Then_the_one_pass_stocks_equal_one_count_per_stock(DatabaseEngine engine)
    {
        await using var host = new KinerjaHost(engine: engine);
        var database = new EngineTables(host.DataDirectory, engine);
        var (file, boundaries) = GeneratePmks(new Random(11), persons: 1500);
        var imported = await ImportAsync(host, "pmks", file);
        Assert.Equal(0, imported.GetProperty("refused").GetArrayLength());

        var stocks = Counter(host);
        var dates = new List<DateOnly>();
        for (var year = 2024; year <= 2026; year++)
        {
            dates.AddRange([new(year, 3, 31), new(year, 6, 30), new(year, 9, 30), new(year, 12, 31)]);
        }
        // Days on which categories start or end: the one pass must count them active through their last day.
        dates.AddRange(boundaries.Take(12));
        await using var connection = await database.OpenAsync();
        long largest = 0;
        foreach (var at in dates)
        {
            foreach (var (measure, categories) in PersonStocks)
            {
                var expected = await CountOneStockAsync(database, connection, categories, at);
                var counted = await stocks.CountStockAsync(measure, at, CancellationToken.None);
                Assert.True(expected.Values.Sum() == counted.Total, $"{measure} at {at}: {counted.Total}, one statement {expected.Values.Sum()}");
                foreach (var kecamatan in Kecamatan.All)
                {
                    Assert.Equal(expected.GetValueOrDefault(kecamatan), counted.Of(kecamatan));
                }
                largest = Math.Max(largest, counted.Total);
            }
        }
        Assert.True(largest > 500, $"the generated register counts at most {largest} persons in a stock");
    }

    [Theory]
    [InlineData(DatabaseEngine.Sqlite)]
    [InlineData(DatabaseEngine.PostgreSql)]
    public async Task Given_counted_stocks_Then_a_restarted_host_reuses_them_until_an_import_raises_the_version(DatabaseEngine engine)
    {
        using var data = new TempDirectory();
        var database = new EngineTables(data.Path, engine);
        var sample = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "registers", "pmks.csv"));
        var june = new DateOnly(2026, 6, 30);
        await using (var first = new KinerjaHost(data.Path, engine: engine))
        {
            await ImportAsync(first, "pmks", sample);
            // Eight persons at 30 June in the sample (see RegisterSourceTests).
            Assert.Equal(8, (await Counter(first).CountStockAsync("pmks.total", june, CancellationToken.None)).Total);
        }

        // A person written past the importer: the registers' version stays, so the kept count stands.
        await using (var connection = await database.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO {database.Table("pemberdayaan_persons")} ("Nik", "Name", "Sex", "BirthDate", "Desa", "Kecamatan") VALUES ('3525010101800001', 'Uji', 'L', '1980-01-01', 'Cerme Lor', 'Cerme');
                INSERT INTO {database.Table("pemberdayaan_person_categories")} ("Nik", "Category", "StartedOn", "EndedOn") VALUES ('3525010101800001', 24, '2020-01-01', NULL);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using (var restarted = new KinerjaHost(data.Path, engine: engine))
        {
            var stocks = Counter(restarted);
            Assert.Equal(8, (await stocks.CountStockAsync("pmks.total", june, CancellationToken.None)).Total);
            // A date not counted before is counted now, from what the tables hold: nine in the sample, and that person.
            Assert.Equal(10, (await stocks.CountStockAsync("pmks.total", new DateOnly(2026, 9, 30), CancellationToken.None)).Total);

            await ImportAsync(restarted, "pmks", sample);
            Assert.Equal(9, (await stocks.CountStockAsync("pmks.total", june, CancellationToken.None)).Total);
        }
        await using var third = new KinerjaHost(data.Path, engine: engine);
        Assert.Equal(9, (await Counter(third).CountStockAsync("pmks.total", june, CancellationToken.None)).Total);
    }

    private static IStockCounter Counter(KinerjaHost host) =>
        host.Services.GetServices<IStockCounter>().Single(c => c.Measures.Contains("pmks.total"));

    private static async Task<System.Text.Json.JsonElement> ImportAsync(KinerjaHost host, string register, byte[] content) =>
        (await host.QueryAsync(
            "mutation($r: String!, $f: String!, $c: String!) { importRegister(register: $r, fileName: $f, contentBase64: $c) { rows refused { line field reason } } }",
            new { r = register, f = $"{register}.csv", c = Convert.ToBase64String(content) })).Ok().GetProperty("importRegister");

    /// <summary>The plain count of one stock: distinct persons with one of its categories active on the day.</summary>
    private static async Task<Dictionary<string, long>> CountOneStockAsync(EngineTables database, System.Data.Common.DbConnection connection,
        IReadOnlyList<PmksCategory>? categories, DateOnly at)
    {
        var filter = categories is null ? "" : $"""AND c."Category" IN ({string.Join(", ", categories.Select(c => c.Number))})""";
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT p."Kecamatan", COUNT(DISTINCT c."Nik") FROM {database.Table("pemberdayaan_person_categories")} c JOIN {database.Table("pemberdayaan_persons")} p ON p."Nik" = c."Nik"
            WHERE c."StartedOn" <= @at AND (c."EndedOn" IS NULL OR c."EndedOn" >= @at) {filter} GROUP BY p."Kecamatan"
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@at";
        parameter.Value = database.Engine == DatabaseEngine.Sqlite ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : at;
        command.Parameters.Add(parameter);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>
    /// A PMKS file of random persons, each with one to three categories that start and end around
    /// 2024-2026 (some the same category twice), and the days on which some of them start or end.
    /// </summary>
    private static (byte[] File, List<DateOnly> Boundaries) GeneratePmks(Random random, int persons)
    {
        var csv = new StringBuilder("NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai\n");
        var boundaries = new List<DateOnly>();
        // The stocks' categories more often than the others, so that each stock counts many persons.
        int[] likely = [24, 24, 24, 23, 23, 9, 5, 10, 11, 12, 13, 15, 17];
        for (var person = 1; person <= persons; person++)
        {
            var women = random.Next(2) == 0;
            var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(365 * 70));
            var day = birth.Day + (women ? 40 : 0);
            var kecamatan = random.Next(Kecamatan.All.Count);
            var nik = string.Create(CultureInfo.InvariantCulture, $"3525{kecamatan + 1:00}{day:00}{birth.Month:00}{birth.Year % 100:00}{person:0000}");
            var used = new HashSet<(int, DateOnly)>();
            for (var row = random.Next(1, 4); row > 0; row--)
            {
                var category = random.Next(3) == 0 ? random.Next(1, 27) : likely[random.Next(likely.Length)];
                var start = new DateOnly(2023, 6, 1).AddDays(random.Next(365 * 3));
                DateOnly? end = random.Next(3) == 0 ? start.AddDays(random.Next(400)) : null;
                if (!used.Add((category, start)))
                {
                    continue;
                }
                if (random.Next(40) == 0)
                {
                    boundaries.Add(end ?? start);
                }
                csv.Append(CultureInfo.InvariantCulture,
                    $"{nik},Orang {person},{(women ? 'P' : 'L')},{birth:yyyy-MM-dd},Desa {person % 7},{Kecamatan.All[kecamatan]},\"{PmksCategories.Get(category).Name}\",{start:yyyy-MM-dd},{end:yyyy-MM-dd}\n");
            }
        }
        return (Encoding.UTF8.GetBytes(csv.ToString()), boundaries);
    }
}
