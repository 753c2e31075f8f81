using System.Text;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Registers;

namespace Kinerja.Tests.Registers;

public sealed class CsvFileTests
{
    private static MemoryStream Csv(string text, bool bom = false) =>
        new([.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)]);

    private static List<TabularRow> Rows(string text, bool bom = false) => TabularFile.Read(Csv(text, bom), "data.csv").ToList();

    [Fact]
    public void Given_semicolons_a_bom_and_quotes_Then_fields_are_read_whole()
    {
        var rows = Rows("NIK;Nama;Alamat\r\n3525015507900001;\"Aminah; Siti\";\"Jl. \"\"Mawar\"\" 5\"\r\n3578015507900003;Budi;Dusun Krajan\r\n", bom: true);

        Assert.Equal(2, rows.Count);
        Assert.Equal("3525015507900001", rows[0].Get("NIK"));   // the BOM is not part of the first header
        Assert.Equal("Aminah; Siti", rows[0].Get("nama"));
        Assert.Equal("Jl. \"Mawar\" 5", rows[0].Get("Alamat"));
        Assert.Equal("Budi", rows[1].Get("NAMA"));
    }

    [Theory]
    [InlineData("nik,nama,kecamatan\n1,\"Siti, Aminah\",Cerme\n")]
    [InlineData("nik;nama;kecamatan\n1;\"Siti, Aminah\";Cerme\n")]
    [InlineData("nik\tnama\tkecamatan\n1\t\"Siti, Aminah\"\tCerme\n")]
    [InlineData("\"nik;x\",nama,kecamatan\n1,\"Siti, Aminah\",Cerme\n")]   // a delimiter inside a quoted header does not count
    public void Given_a_comma_semicolon_or_tab_file_Then_the_delimiter_is_detected(string text)
    {
        var row = Assert.Single(Rows(text));
        Assert.Equal("Siti, Aminah", row.Get("nama"));
        Assert.Equal("Cerme", row.Get("kecamatan"));
    }

    [Fact]
    public void Given_headers_with_spaces_and_case_Then_they_match()
    {
        var row = Assert.Single(Rows("  Nama Lengkap  ;TANGGAL LAHIR\nSiti;1990-07-15\n"));
        Assert.Equal("Siti", row.Get("nama lengkap"));
        Assert.Equal("1990-07-15", row.Get(" Tanggal Lahir "));
    }

    [Fact]
    public void Given_rows_Then_line_numbers_are_spreadsheet_rows_with_the_header_as_1()
    {
        // Line 3 holds a quoted line break, line 4 is blank (skipped but counted): Excel shows 5 rows.
        var rows = Rows("nik;catatan\n1;a\n2;\"baris\nkedua\"\n\n3;c\n");

        Assert.Equal([2, 3, 5], rows.Select(r => r.Line));
        Assert.Equal("baris\nkedua", rows[1].Get("catatan"));
        Assert.Equal("3", rows[2].Get("nik"));
    }

    [Fact]
    public void Given_empty_and_padded_cells_Then_trimmed_text_or_null()
    {
        var row = Assert.Single(Rows("a;b;c;d\n  x  ;;\"  \";#7\n"));
        Assert.Equal("x", row.Get("a"));
        Assert.Null(row.Get("b"));
        Assert.Null(row.Get("c"));
        Assert.Equal("#7", row.Get("d"));   // '#' starts no comment
    }

    [Fact]
    public void Given_short_and_long_rows_Then_missing_cells_are_null_and_extra_cells_dropped()
    {
        var rows = Rows("a;b\n1\n2;3;4\n");
        Assert.Null(rows[0].Get("b"));
        Assert.Equal("3", rows[1].Get("b"));
        Assert.Null(rows[1][2]);
    }

    [Fact]
    public void Given_columns_found_once_Then_rows_are_read_by_position()
    {
        using var reader = TabularFile.Open(Csv("No;NIK;Kecamatan\n1;3525015507900001;Cerme\n2;3578015507900003;Dukun\n"), "data.csv");
        var (nik, kecamatan) = (reader.Header.Require("nik"), reader.Header.Require("KECAMATAN"));

        Assert.Equal(new TabularColumn(1, "NIK"), nik);
        Assert.False(reader.Header.TryFind("desa", out _));
        Assert.Equal(["Cerme", "Dukun"], reader.Rows.Select(r => r.Get(kecamatan)));
        Assert.Throws<InvalidOperationException>(() => reader.Rows);
    }

    [Fact]
    public void Given_missing_required_headers_Then_each_is_named()
    {
        var error = Assert.Throws<InputException>(() =>
            TabularFile.Read(Csv("nama;desa\nSiti;Bungah\n"), "data.csv", "nik", "Nama", "kecamatan").ToList());

        Assert.Equal(
        [
            new FieldError("file", "kolom 'nik' tidak ada pada baris judul (baris 1)"),
            new FieldError("file", "kolom 'kecamatan' tidak ada pada baris judul (baris 1)"),
        ], error.Errors);
    }

    [Fact]
    public void Given_a_header_the_file_lacks_Then_get_names_it()
    {
        var row = Assert.Single(Rows("nama\nSiti\n"));
        var error = Assert.Throws<InputException>(() => row.Get("nik"));
        Assert.Equal("file: kolom 'nik' tidak ada pada baris judul (baris 1)", error.Message);
    }

    [Fact]
    public void Given_a_header_given_twice_Then_the_file_is_refused()
    {
        var error = Assert.Throws<InputException>(() => Rows("nik;Nama;NIK\n1;a;2\n"));
        Assert.Equal("kolom 'NIK' muncul lebih dari sekali pada baris judul (kolom ke-1 dan ke-3)", Assert.Single(error.Errors).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n")]
    public void Given_an_empty_file_Then_it_is_refused(string text)
    {
        var error = Assert.Throws<InputException>(() => Rows(text));
        Assert.Equal("berkas data.csv kosong: baris judul (nama kolom) tidak ada", Assert.Single(error.Errors).Reason);
    }

    [Fact]
    public void Given_a_header_only_Then_no_rows()
    {
        Assert.Empty(Rows("nik;nama\n"));
    }

    [Fact]
    public void Given_an_unclosed_quote_Then_the_file_is_refused_with_its_row()
    {
        var error = Assert.Throws<InputException>(() => Rows("nik;nama\n1;a\n2;\"Siti\n3;b\n"));
        Assert.Equal(new FieldError("file", "berkas data.csv rusak pada baris 3: tanda kutip (\") tidak berpasangan"), Assert.Single(error.Errors));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)]   // past the part read to find the delimiter
    public void Given_a_file_saved_as_ansi_Then_it_is_refused_rather_than_garbled(int rowsBefore)
    {
        var before = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Siti;Cerme\n", rowsBefore)));
        byte[] ansi = [.. "nama;desa\n"u8, .. before, .. "Jos"u8, 0xE9, .. ";Bungah\n"u8];   // "José" in Windows-1252
        var error = Assert.Throws<InputException>(() => TabularFile.Read(new MemoryStream(ansi), "data.csv").ToList());
        Assert.StartsWith("berkas data.csv bukan teks UTF-8", Assert.Single(error.Errors).Reason);
    }

    [Theory]
    [InlineData("data.xls")]
    [InlineData("data.txt")]
    [InlineData("data")]
    public void Given_a_file_neither_csv_nor_xlsx_Then_it_is_refused(string fileName)
    {
        var error = Assert.Throws<InputException>(() => TabularFile.Read(Csv("a\n1\n"), fileName).ToList());
        var field = Assert.Single(error.Errors);
        Assert.Equal("file", field.Field);
        Assert.EndsWith("tidak didukung: unggah berkas .csv atau .xlsx", field.Reason);
    }

    [Fact]
    public void Given_an_upper_case_extension_Then_it_is_read()
    {
        Assert.Single(TabularFile.Read(Csv("a\n1\n"), "DATA.CSV"));
    }

    [Fact]
    public void Given_a_file_read_Then_the_callers_stream_stays_open()
    {
        var stream = Csv("a\n1\n");
        _ = TabularFile.Read(stream, "data.csv").ToList();
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void Given_many_rows_Then_they_stream_in_order()
    {
        var text = new StringBuilder("nik;no\n");
        for (var i = 0; i < 50_000; i++)
        {
            text.Append("3525015507900001;").Append(i).Append('\n');
        }

        var count = 0;
        foreach (var row in TabularFile.Read(Csv(text.ToString()), "data.csv"))
        {
            Assert.Equal(count + 2, row.Line);
            Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Get("no"));
            count++;
        }

        Assert.Equal(50_000, count);
    }
}
