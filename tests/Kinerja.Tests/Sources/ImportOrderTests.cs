using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Registers;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Sources;

/// <summary>
/// On SQLite a PMKS import writes its rows in NIK order, a window at a time. The file's order must still
/// decide everything: every row's outcome, and which row of a NIK is the last one stored. The file here
/// spans more than one window, in descending NIK order, with persons written again within a window and
/// across windows; a model that applies the rows in file order says what the tally and the tables must be.
/// </summary>
public abstract class ImportOrderTests(DatabaseEngine engine) : FreshHost(engine)
{
    private const int Persons = 20_000;

    private sealed record Row(string Nik, string Name, char Sex, DateOnly Birth, string Desa, string Kecamatan, int Category, DateOnly Start, DateOnly? End);

    [Fact]
    public async Task Given_a_file_larger_than_a_window_out_of_NIK_order_Then_rows_do_and_store_what_they_would_in_file_order()
    {
        var rows = Enumerable.Range(1, Persons).Reverse().Select(Person).ToList();
        // Within the first window: a person written three times more, a row the same as the one before it last.
        var staying = Person(Persons - 10) with { Name = "Pindah Satu", Kecamatan = "Cerme" };
        var moved = staying with { Name = "Pindah Dua", Kecamatan = "Manyar", Desa = "Yosowilangun" };
        rows.Insert(300, moved);
        rows.Insert(200, moved);
        rows.Insert(100, staying);
        // Across windows: a person first written in the first window, then by its own row in the second.
        rows.Insert(50, Person(5) with { Name = "Pindah Tiga" });
        // Across windows: a new category, the same row again, then its end.
        var returning = Person(Persons - 3) with { Category = 9, Start = new DateOnly(2025, 2, 1) };
        rows.AddRange([returning, returning, returning with { End = new DateOnly(2026, 5, 31), Name = "Kembali" }]);
        var (tally, persons, categories) = InFileOrder(rows);

        var imported = await UploadAsync(rows);

        Assert.Equal(0, imported.GetProperty("refused").GetArrayLength());
        Assert.Equal(rows.Count, imported.GetProperty("accepted").GetInt32());
        Assert.Equal(tally, (imported.GetProperty("inserted").GetInt32(), imported.GetProperty("updated").GetInt32(), imported.GetProperty("unchanged").GetInt32()));
        Assert.Equal((Persons + 1, 4, 2), tally); // the model's own sanity: 20,001 new categories, four rows changing a person or an end, two the same again
        Assert.Equal(persons.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"), await StoredAsync(
            """SELECT "Nik" || ' ' || "Name" || '|' || "Desa" || '|' || "Kecamatan" FROM {persons} ORDER BY "Nik" """));
        Assert.Equal(categories.OrderBy(c => c, StringComparer.Ordinal), await StoredAsync(
            """SELECT "Nik" || ' ' || CAST("Category" AS TEXT) || ' ' || CAST("StartedOn" AS TEXT) || ' ' || COALESCE(CAST("EndedOn" AS TEXT), '-') FROM {categories} ORDER BY 1"""));
    }

    [Fact]
    public async Task Given_a_second_file_that_changes_some_rows_Then_only_those_are_written_and_the_tally_is_that_of_file_order()
    {
        var first = Enumerable.Range(1, 2_000).Select(Person).ToList();
        first.Add(Person(7) with { Category = 9, Start = new DateOnly(2025, 2, 1) });
        await UploadAsync(first);
        var second = Enumerable.Range(1, 2_000).Select(Person).ToList();
        // Against the table: a person moved, a category ended, a new category of a known person, a new person.
        second[10] = second[10] with { Kecamatan = "Manyar", Desa = "Yosowilangun" };
        second[20] = second[20] with { End = new DateOnly(2026, 3, 31) };
        second.Add(Person(30) with { Category = 9, Start = new DateOnly(2026, 1, 1) });
        second.Add(Person(5_000));
        // Changed by one row and changed back by the next: two rows changed, nothing left to store differently.
        second.Add(Person(40) with { Name = "Sementara" });
        second.Add(Person(40));
        // The same row twice, and a row of the first file's second category, ended.
        second.Add(Person(50));
        second.Add(Person(7) with { Category = 9, Start = new DateOnly(2025, 2, 1), End = new DateOnly(2026, 1, 31) });
        var (tally, persons, categories) = InFileOrder(second, before: first);

        var imported = await UploadAsync(second);

        Assert.Equal(tally, (imported.GetProperty("inserted").GetInt32(), imported.GetProperty("updated").GetInt32(), imported.GetProperty("unchanged").GetInt32()));
        Assert.Equal((2, 5, 1_999), tally); // the model's own sanity
        Assert.Equal(persons.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"), await StoredAsync(
            """SELECT "Nik" || ' ' || "Name" || '|' || "Desa" || '|' || "Kecamatan" FROM {persons} ORDER BY "Nik" """));
        Assert.Equal(categories.OrderBy(c => c, StringComparer.Ordinal), await StoredAsync(
            """SELECT "Nik" || ' ' || CAST("Category" AS TEXT) || ' ' || CAST("StartedOn" AS TEXT) || ' ' || COALESCE(CAST("EndedOn" AS TEXT), '-') FROM {categories} ORDER BY 1"""));
    }

    private static Row Person(int number)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(number % 20_000);
        var nik = string.Create(CultureInfo.InvariantCulture, $"3525{number % 18 + 1:00}{birth.Day:00}{birth.Month:00}{birth.Year % 100:00}{number / 20_000 + 1:0000}");
        return new Row(nik, $"Orang {number}", 'L', birth, $"Desa {number % 7}", Kecamatan.All[number % 18], 24, new DateOnly(2024, 1, 1), null);
    }

    /// <summary>
    /// The rows applied one by one in file order, after those of an earlier import (<paramref name="before"/>): the
    /// tally the import must report, and the tables after it.
    /// </summary>
    private static ((int, int, int) Tally, Dictionary<string, string> Persons, List<string> Categories) InFileOrder(List<Row> rows, List<Row>? before = null)
    {
        var persons = new Dictionary<string, string>(StringComparer.Ordinal);
        var categories = new Dictionary<(string, int, DateOnly), DateOnly?>();
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in before ?? [])
        {
            persons[row.Nik] = $"{row.Name}|{row.Desa}|{row.Kecamatan}";
            categories[(row.Nik, row.Category, row.Start)] = row.End;
        }
        foreach (var row in rows)
        {
            var person = $"{row.Name}|{row.Desa}|{row.Kecamatan}";
            var personOutcome = !persons.TryGetValue(row.Nik, out var was) ? 'I' : was == person ? 'U' : 'C';
            persons[row.Nik] = person;
            var key = (row.Nik, row.Category, row.Start);
            var categoryOutcome = !categories.TryGetValue(key, out var ended) ? 'I' : ended == row.End ? 'U' : 'C';
            categories[key] = row.End;
            var outcome = personOutcome == 'U' ? categoryOutcome : categoryOutcome == 'I' ? 'I' : personOutcome;
            _ = outcome switch { 'I' => inserted++, 'C' => updated++, _ => unchanged++ };
        }
        var stored = categories.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Key.Item1} {c.Key.Item2} {c.Key.Item3:yyyy-MM-dd} {(c.Value is { } end ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-")}")).ToList();
        return ((inserted, updated, unchanged), persons, stored);
    }

    private async Task<JsonElement> UploadAsync(List<Row> rows)
    {
        var csv = new StringBuilder("NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Nik},{r.Name},{r.Sex},{r.Birth:yyyy-MM-dd},{r.Desa},{r.Kecamatan},\"{PmksCategories.Get(r.Category).Name}\",{r.Start:yyyy-MM-dd},{r.End:yyyy-MM-dd}\n");
        }
        var admin = await Host.SignInAsync("admin-urutan", Roles.Admin, null);
        using var client = Host.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "pmks.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/registers/pmks") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<List<string>> StoredAsync(string sql)
    {
        var tables = new EngineTables(Host.DataDirectory, Engine);
        await using var connection = await tables.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{persons}", tables.Table("pemberdayaan_persons")).Replace("{categories}", tables.Table("pemberdayaan_person_categories"));
        var stored = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetString(0));
        }
        return stored;
    }
}

public sealed class ImportOrderTestsOnSqlite() : ImportOrderTests(DatabaseEngine.Sqlite);

/// <summary>PostgreSQL merges a stage in one statement per table; it must agree with the same model.</summary>
public sealed class ImportOrderTestsOnPostgreSql() : ImportOrderTests(DatabaseEngine.PostgreSql);
