using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>A part of a Word document, in reading order.</summary>
internal abstract record DocxBlock;

internal enum DocxTextStyle { Body, Title, Subtitle, Caption, Note, Hint }

/// <summary>A heading: 1 for a Bab (a new page), 2 and 3 below it; Word's built-in heading styles, so its navigation and table of contents find them.</summary>
internal sealed record DocxHeading(int Level, string Text) : DocxBlock;

/// <summary>A paragraph, with an optional bold label before its text (<c>Faktor pendukung:</c> ...).</summary>
internal sealed record DocxParagraph(string Text, DocxTextStyle Style = DocxTextStyle.Body, string? Label = null) : DocxBlock;

/// <summary>A numbered list (1., 2., ...) with a hanging indent.</summary>
internal sealed record DocxNumbered(IReadOnlyList<string> Items) : DocxBlock;

/// <summary>A table as the other reports make them (columns with bands, sections under a heading row), and a bold total row.</summary>
internal sealed record DocxTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportSection> Sections, IReadOnlyList<ReportCell>? Total = null)
    : DocxBlock;

internal sealed record DocxSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A native Word column chart (a DrawingML chart part with its data in an embedded workbook); no value is a gap.</summary>
internal sealed record DocxChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<DocxSeries> Series, string NumberFormat) : DocxBlock;

internal sealed record DocxDocument(string FileName, string Title, string Footer, IReadOnlyList<DocxBlock> Blocks);

/// <summary>
/// A <see cref="DocxDocument"/> as a .docx file built with the Open XML SDK's typed classes: A4 portrait, Arial, Indonesian as the
/// proofing language, headings in Word's own styles, tables with their header rows repeated on every page, charts as chart parts
/// a reader edits in Word (Edit Data opens the embedded workbook), page numbers in the footer. The file passes
/// <c>OpenXmlValidator</c>.
/// </summary>
internal static class DocxWriter
{
    // Twentieths of a point: A4, margins 3 cm left (binding), 2 cm elsewhere.
    private const int PageWidth = 11906, PageHeight = 16838, Top = 1134, Bottom = 1134, Left = 1701, Right = 1134;
    public const int TextWidth = PageWidth - Left - Right;
    private const string Font = "Arial";
    private const string HeaderFill = "D9E2F3", SectionFill = "F2F2F2";

    // A chart 15,5 cm wide and 7,5 cm high, in EMU.
    private const long ChartWidth = 5_580_000, ChartHeight = 2_700_000;

    public static void Write(DocxDocument document, Stream output)
    {
        using (var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = document.Title;
            package.PackageProperties.Creator = "Kinerja";
            package.PackageProperties.Language = "id-ID";
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(document.Footer);

            var body = new Body();
            var drawings = 0u;
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case DocxHeading h:
                        body.Append(Paragraph($"Heading{h.Level}", Runs(h.Text)));
                        break;
                    case DocxParagraph p:
                        body.Append(Paragraph(StyleId(p.Style), p.Label is null ? Runs(p.Text) : [Run(p.Label + " ", bold: true), .. Runs(p.Text)]));
                        break;
                    case DocxNumbered list:
                        body.Append(list.Items.Select((item, n) => new Paragraph(
                            new ParagraphProperties(new Indentation { Left = "567", Hanging = "567" }),
                            new Run(new Text($"{n + 1}."), new TabChar(), new Text(item) { Space = SpaceProcessingModeValues.Preserve }))));
                        break;
                    case DocxTable t:
                        body.Append(Table(t));
                        // Word joins two tables that touch; a paragraph keeps them apart and gives the table room below.
                        body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Note" })));
                        break;
                    case DocxChart c:
                        body.Append(ChartParagraph(main, c, ++drawings));
                        break;
                }
            }
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Top, Right = Right, Bottom = Bottom, Left = Left, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
    }

    private static string StyleId(DocxTextStyle style) => style switch
    {
        DocxTextStyle.Body => "Normal",
        _ => style.ToString(),
    };

    private static Paragraph Paragraph(string style, IEnumerable<OpenXmlElement> runs) =>
        new(new OpenXmlElement[] { new ParagraphProperties(new ParagraphStyleId { Val = style }) }.Concat(runs));

    // Line breaks typed in a text (an analysis of several lines) stay line breaks.
    private static IEnumerable<OpenXmlElement> Runs(string text, bool bold = false)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return [run];
    }

    private static Run Run(string text, bool bold = false) =>
        bold
            ? new Run(new RunProperties(new Bold()), new Text(text) { Space = SpaceProcessingModeValues.Preserve })
            : new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Footer Footer(string text) => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "Note" }, new Justification { Val = JustificationValues.Center }),
        Run($"{text} | halaman "),
        new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));

    private static Table Table(DocxTable table)
    {
        var total = table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => (int)Math.Round(c.Width / total * TextWidth)).ToList();
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var border = (BorderType b) => { b.Val = BorderValues.Single; b.Size = 4; b.Color = "808080"; return b; };
        var result = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                    border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })),
            grid);

        var hasBands = table.Columns.Any(c => c.Band is not null);
        if (hasBands)
        {
            // The band row: a column without a band spans both header rows, neighbours with the same band share one cell.
            var band = HeaderRow();
            var headings = HeaderRow();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                if (column.Band is null)
                {
                    band.Append(HeaderCell(column.Heading, widths[c], 1, MergedRestart));
                    headings.Append(HeaderCell("", widths[c], 1, MergedContinue));
                    continue;
                }
                var end = c;
                while (end + 1 < table.Columns.Count && table.Columns[end + 1].Band == column.Band)
                {
                    end++;
                }
                band.Append(HeaderCell(column.Band, widths.Skip(c).Take(end - c + 1).Sum(), end - c + 1, null));
                for (var k = c; k <= end; k++)
                {
                    headings.Append(HeaderCell(table.Columns[k].Heading, widths[k], 1, null));
                }
                c = end;
            }
            result.Append(band, headings);
        }
        else
        {
            var headings = HeaderRow();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                headings.Append(HeaderCell(table.Columns[c].Heading, widths[c], 1, null));
            }
            result.Append(headings);
        }

        foreach (var section in table.Sections)
        {
            if (section.Heading is not null)
            {
                result.Append(new TableRow(new TableRowProperties(new CantSplit()),
                    Cell(section.Heading, TextWidth, table.Columns.Count, bold: true, right: false, fill: SectionFill)));
            }
            foreach (var row in section.Rows)
            {
                result.Append(BodyRow(table.Columns, widths, row.Cells, bold: false));
            }
        }
        if (table.Total is { } totals)
        {
            result.Append(BodyRow(table.Columns, widths, totals, bold: true));
        }
        return result;
    }

    private const int MergedRestart = 1, MergedContinue = 2;

    private static TableRow HeaderRow() => new(new TableRowProperties(new CantSplit(), new TableHeader()));

    private static TableCell HeaderCell(string text, int width, int span, int? merged)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }
        if (merged is { } m)
        {
            properties.Append(new VerticalMerge { Val = m == MergedRestart ? MergedCellValues.Restart : MergedCellValues.Continue });
        }
        properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = HeaderFill },
            new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(properties, Paragraph("TableHeading", Runs(text)));
    }

    private static TableRow BodyRow(IReadOnlyList<ReportColumn> columns, IReadOnlyList<int> widths, IReadOnlyList<ReportCell> cells, bool bold)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = c < cells.Count ? cells[c] : ReportCell.Of("");
            // Figures, and text in a figure column (an amount in rupiah, a dash), sit right; numbers in the first column are row numbers.
            row.Append(Cell(cell.Display, widths[c], 1, bold, right: columns[c].Figure || cell.IsFigure && c > 0, fill: bold ? SectionFill : null));
        }
        return row;
    }

    private static TableCell Cell(string text, int width, int span, bool bold, bool right, string? fill)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }
        if (fill is not null)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" },
            new Justification { Val = right ? JustificationValues.Right : JustificationValues.Left }));
        paragraph.Append(Runs(text, bold));
        return new TableCell(properties, paragraph);
    }

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Paragraph ChartParagraph(MainDocumentPart main, DocxChart chart, uint number)
    {
        var part = main.AddNewPart<ChartPart>();
        var workbook = part.AddEmbeddedPackagePart("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var data = new MemoryStream())
        {
            DocxChartData.WriteWorkbook(chart, data);
            data.Position = 0;
            workbook.FeedData(data);
        }
        part.ChartSpace = DocxChartData.ChartSpace(chart, part.GetIdOfPart(workbook));
        var inline = new DW.Inline(
            new DW.Extent { Cx = ChartWidth, Cy = ChartHeight },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = number, Name = $"Grafik {number}", Description = chart.Title },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) })
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
            }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Paragraph(
            new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(inline)));
    }

    private static Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "id-ID", EastAsia = "id-ID", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(
            Style("Normal", "Normal", paragraph: new StyleParagraphProperties(new Justification { Val = JustificationValues.Both }), isDefault: true),
            Style("Heading1", "heading 1",
                new StyleParagraphProperties(new KeepNext(), new PageBreakBefore(), new SpacingBetweenLines { Before = "0", After = "360" },
                    new Justification { Val = JustificationValues.Center }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
            Style("Heading2", "heading 2",
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" },
                    new Justification { Val = JustificationValues.Left }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })),
            Style("Heading3", "heading 3",
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" },
                    new Justification { Val = JustificationValues.Left }, new OutlineLevel { Val = 2 }),
                new StyleRunProperties(new Bold())),
            Style("Title", "Title",
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "240" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "36" }, new FontSizeComplexScript { Val = "36" })),
            Style("Subtitle", "Subtitle",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
            Style("Caption", "caption",
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "120" },
                    new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" })),
            Style("Note", "Catatan",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }, new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            Style("Hint", "Petunjuk isian",
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(new Italic(), new Color { Val = "7F7F7F" })),
            Style("TableText", "Teks tabel",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            Style("TableHeading", "Judul tabel",
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                    new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })));
        return styles;
    }

    private static Style Style(string id, string name, StyleParagraphProperties? paragraph = null, StyleRunProperties? run = null, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        }
        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }
        if (run is not null)
        {
            style.Append(run);
        }
        return style;
    }
}
