using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Registers;

namespace Kinerja.Tests.Registers;

public sealed class XlsxFileTests
{
    // Shared strings 0..4; item 5 has two runs and a phonetic run that is not part of the text; items 6 and
    // 7 are empty, which must not shift item 8.
    private static SharedStringTable SharedStrings() => new(
        new SharedStringItem(new Text("NIK")),
        new SharedStringItem(new Text("Tanggal Lahir")),
        new SharedStringItem(new Text(" Jumlah ")),
        new SharedStringItem(new Text("Aktif")),
        new SharedStringItem(new Text("3525015507900001")),
        new SharedStringItem(
            new Run(new Text("Gre")), new Run(new Text("sik")),
            new PhoneticRun(new Text("ぐれしく")) { BaseTextStartIndex = 0U, EndingBaseIndex = 1U }),
        new SharedStringItem(),
        new SharedStringItem(new Text()),
        new SharedStringItem(new Text("Jl. Raya Sidayu")));

    private static Cell Shared(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    private static Cell Number(string? reference, string value) => new() { CellReference = reference, CellValue = new CellValue(value) };

    private static Cell Inline(string? reference, params string[] runs) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = runs.Length == 1 ? new InlineString(new Text(runs[0])) : new InlineString(runs.Select(r => new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve }))),
    };

    private static Row Row(uint? index, params Cell[] cells) => new(cells) { RowIndex = index is { } i ? new UInt32Value(i) : null };

    private static MemoryStream Workbook(params (string Name, Row[] Rows)[] sheets)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = SharedStrings();
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData(rows));
                workbook.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static MemoryStream Register() => Workbook(
        ("Data",
        [
            Row(1, Shared("A1", 0), Inline("B1", "Nama"), Shared("C1", 1), Shared("D1", 2), Shared("E1", 3), Inline("F1", "Desa"), Inline("G1", "Alamat"), Inline("H1", "Catatan")),
            Row(2, Shared("A2", 4), Inline("B2", "Siti ", "Aminah"), Number("C2", "32704"), Number("D2", "3"),
                new Cell { CellReference = "E2", DataType = CellValues.Boolean, CellValue = new CellValue("1") }, Shared("F2", 5), Shared("G2", 8), Shared("H2", 6)),
            // Row 3 is absent; row 4 is sparse: B, E and F are left out, and the NIK is an exponent-form number.
            Row(4, Number("A4", "3.525015507900001E+15"), Number("C4", "45658"), Number("D4", "12.5")),
            // Formatting alone: Excel keeps such rows, a person sees nothing in them.
            Row(5, new Cell { CellReference = "A5", StyleIndex = 0U }, new Cell { CellReference = "B5", StyleIndex = 0U }),
            // No references at all: the row follows row 5, the cells run from column A.
            Row(null, Inline(null, "3578015507900003"), Inline(null, "Budi")),
        ]),
        ("Lain", [Row(1, Inline("A1", "bukan lembar pertama"))]));

    [Fact]
    public void Given_an_xlsx_Then_shared_inline_number_and_boolean_cells_are_read_by_header()
    {
        var rows = TabularFile.Read(Register(), "register.xlsx", "nik", "nama").ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal("3525015507900001", rows[0].Get("nik"));
        Assert.Equal("Siti Aminah", rows[0].Get("Nama"));
        Assert.Equal("32704", rows[0].Get("tanggal lahir"));
        Assert.Equal("3", rows[0].Get("jumlah"));
        Assert.Equal("TRUE", rows[0].Get("aktif"));
        Assert.Equal("Gresik", rows[0].Get("desa"));
        Assert.Equal("Jl. Raya Sidayu", rows[0].Get("alamat"));
        Assert.Null(rows[0].Get("catatan"));

        Assert.True(RegisterValues.TryDate(rows[0].Get("Tanggal Lahir"), out var birth));
        Assert.Equal(new DateOnly(1989, 7, 15), birth);
    }

    [Fact]
    public void Given_a_sparse_row_Then_cells_are_placed_by_their_reference()
    {
        var sparse = TabularFile.Read(Register(), "register.xlsx").ElementAt(1);

        Assert.Equal(4, sparse.Line);
        Assert.Equal("3525015507900001", sparse.Get("NIK"));   // 3.525015507900001E+15 written out
        Assert.Null(sparse.Get("Nama"));
        Assert.Equal("45658", sparse.Get("Tanggal Lahir"));
        Assert.Equal("12.5", sparse.Get("Jumlah"));
        Assert.Null(sparse.Get("Aktif"));
        Assert.Null(sparse.Get("Desa"));
    }

    [Fact]
    public void Given_an_xlsx_Then_lines_are_sheet_rows_and_empty_rows_are_skipped()
    {
        var rows = TabularFile.Read(Register(), "register.xlsx").ToList();

        Assert.Equal([2, 4, 6], rows.Select(r => r.Line));
        Assert.Equal("3578015507900003", rows[2].Get("nik"));
        Assert.Equal("Budi", rows[2].Get("nama"));
    }

    [Fact]
    public void Given_a_header_lower_down_the_sheet_Then_rows_keep_their_sheet_numbers()
    {
        var stream = Workbook(("Data",
        [
            Row(1, new Cell { CellReference = "A1", StyleIndex = 0U }),
            Row(3, Inline("B3", "NIK"), Inline("C3", "Kecamatan")),
            Row(4, Inline("B4", "3525015507900001"), Inline("C4", "Cerme")),
        ]));

        using var reader = TabularFile.Open(stream, "register.xlsx");
        Assert.Equal(3, reader.Header.Line);
        Assert.Equal(new TabularColumn(2, "Kecamatan"), reader.Header.Require("kecamatan"));
        var row = Assert.Single(reader.Rows);
        Assert.Equal((4, "Cerme"), (row.Line, row.Get("Kecamatan")));
    }

    [Fact]
    public void Given_missing_required_headers_in_an_xlsx_Then_each_is_named()
    {
        var error = Assert.Throws<InputException>(() => TabularFile.Read(Register(), "register.xlsx", "NIK", "Kecamatan").ToList());
        Assert.Equal("kolom 'Kecamatan' tidak ada pada baris judul (baris 1)", Assert.Single(error.Errors).Reason);
    }

    [Fact]
    public void Given_a_stream_that_cannot_seek_Then_the_xlsx_is_still_read()
    {
        using var stream = new ForwardOnlyStream(Register());
        Assert.Equal(3, TabularFile.Read(stream, "register.xlsx").Count());
    }

    [Fact]
    public void Given_an_empty_worksheet_Then_the_file_is_refused()
    {
        var error = Assert.Throws<InputException>(() => TabularFile.Read(Workbook(("Data", [])), "kosong.xlsx").ToList());
        Assert.Equal("berkas kosong.xlsx kosong: baris judul (nama kolom) tidak ada", Assert.Single(error.Errors).Reason);
    }

    [Fact]
    public void Given_a_file_that_is_no_xlsx_Then_it_is_refused()
    {
        var error = Assert.Throws<InputException>(() =>
            TabularFile.Read(new MemoryStream("nik;nama\n1;a\n"u8.ToArray()), "data.xlsx").ToList());
        Assert.StartsWith("berkas data.xlsx bukan berkas XLSX yang dapat dibaca", Assert.Single(error.Errors).Reason);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
