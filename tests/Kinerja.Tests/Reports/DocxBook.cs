using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Kinerja.Tests.Reports;

/// <summary>A paragraph of the body as Word shows it: its style and its text.</summary>
public sealed record DocxLine(string Style, string Text);

/// <summary>A chart as Word draws it from its cache: title, categories, and each series' name and values (null: no point).</summary>
public sealed record DocxChartSeen(string Title, IReadOnlyList<string> Categories, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> Series,
    IReadOnlyList<string> WorkbookErrors);

/// <summary>
/// A .docx file opened with the Open XML SDK the way Word reads it: what <c>OpenXmlValidator</c> finds wrong (Word refuses a file the
/// schema does not allow), the body's paragraphs and tables in reading order, and its charts with their embedded workbooks.
/// </summary>
public sealed class DocxBook
{
    public DocxBook(byte[] content)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(content), false);
        // Valid for the validator's default file format and for the newest Word's alike.
        ValidationErrors = new[] { new OpenXmlValidator(), new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365) }
            .SelectMany(v => v.Validate(package)).Select(e => $"{e.Path?.XPath} ({e.Part?.Uri}): {e.Description}").ToList();
        var main = package.MainDocumentPart!;
        var body = main.Document.Body!;
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    Lines.Add(new DocxLine(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal", p.InnerText));
                    foreach (var chart in p.Descendants<C.ChartReference>())
                    {
                        Charts.Add(Chart((ChartPart)main.GetPartById(chart.Id!.Value!)));
                    }
                    break;
                case Table t:
                    Tables.Add(new DocxTableSeen(Lines.Count, t.Elements<TableRow>()
                        .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()));
                    break;
            }
        }
        Footer = string.Concat(main.FooterParts.Select(f => f.Footer.InnerText));
        Title = package.PackageProperties.Title;
    }

    private static DocxChartSeen Chart(ChartPart part)
    {
        var space = part.ChartSpace;
        var series = space.Descendants<C.BarChartSeries>().Select(s =>
        {
            var cache = s.GetFirstChild<C.Values>()!.Descendants<C.NumberingCache>().Single();
            var count = (int)cache.GetFirstChild<C.PointCount>()!.Val!.Value;
            var values = new double?[count];
            foreach (var point in cache.Elements<C.NumericPoint>())
            {
                values[point.Index!.Value] = double.Parse(point.NumericValue!.Text, CultureInfo.InvariantCulture);
            }
            return (s.SeriesText!.Descendants<C.NumericValue>().Single().Text, (IReadOnlyList<double?>)values);
        }).ToList();
        var categories = space.Descendants<C.BarChartSeries>().First().GetFirstChild<C.CategoryAxisData>()!
            .Descendants<C.StringPoint>().Select(p => p.InnerText).ToList();
        // Edit Data in Word opens the workbook the chart's externalData names.
        var errors = new List<string>();
        if (space.GetFirstChild<C.ExternalData>()?.Id?.Value is not { } id || part.GetPartById(id) is not EmbeddedPackagePart embedded)
        {
            errors.Add("grafik tanpa workbook tertanam");
        }
        else
        {
            using var stream = embedded.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(copy.ToArray()), false);
            errors.AddRange(new OpenXmlValidator().Validate(workbook).Select(e => e.Description));
        }
        return new DocxChartSeen(space.Descendants<C.Title>().Single().InnerText, categories, series, errors);
    }

    public IReadOnlyList<string> ValidationErrors { get; }

    public List<DocxLine> Lines { get; } = [];

    /// <summary>The tables, each with the number of paragraphs before it (where it stands among <see cref="Lines"/>).</summary>
    public List<DocxTableSeen> Tables { get; } = [];

    public List<DocxChartSeen> Charts { get; } = [];

    public string Footer { get; }

    public string? Title { get; }

    public string Text => string.Join('\n', Lines.Select(l => l.Text));

    public IReadOnlyList<string> Headings(int level) => Lines.Where(l => l.Style == $"Heading{level}").Select(l => l.Text).ToList();

    /// <summary>The first table after the paragraph that starts with <paramref name="heading"/>.</summary>
    public DocxTableSeen TableAfter(string heading)
    {
        var at = Lines.FindIndex(l => l.Text.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(at >= 0, $"tidak ada paragraf '{heading}'");
        return Tables.First(t => t.After > at);
    }
}

public sealed record DocxTableSeen(int After, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The row whose cell <paramref name="column"/> reads <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Row(int column, string text) =>
        Rows.SingleOrDefault(r => r.Count > column && r[column] == text) ?? throw new Xunit.Sdk.XunitException(
            $"tidak ada baris dengan '{text}' di kolom {column}: {string.Join(" | ", Rows.Select(r => string.Join(";", r)))}");
}
