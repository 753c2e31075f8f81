using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>
/// A <see cref="DocxChart"/> as DrawingML: a clustered column chart whose series read their names, categories and values from the
/// sheet <c>Data</c> of a workbook embedded in the chart part, with the same figures cached in the chart, so Word draws it at once
/// and Edit Data opens the workbook.
/// </summary>
internal static class DocxChartData
{
    public const string Sheet = "Data";

    private const uint CategoryAxis = 48_650_112, ValueAxis = 48_672_768;

    // Realisation in the Dinas's blue, target in grey: the order the series come in.
    private static readonly string[] Colours = ["7F7F7F", "2F5597", "C55A11", "548235"];

    public static C.ChartSpace ChartSpace(DocxChart chart, string workbookId)
    {
        var rows = chart.Categories.Count;
        var barChart = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var column = ColumnName(s + 1);
            barChart.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)s },
                new C.Order { Val = (uint)s },
                new C.SeriesText(new C.StringReference(
                    new C.Formula($"{Sheet}!${column}$1"),
                    new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(series.Name)) { Index = 0 }))),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = Colours[s % Colours.Length] })),
                new C.InvertIfNegative { Val = false },
                new C.CategoryAxisData(new C.StringReference(
                    new C.Formula($"{Sheet}!$A$2:$A${rows + 1}"),
                    Categories(chart.Categories))),
                new C.Values(new C.NumberReference(
                    new C.Formula($"{Sheet}!${column}$2:${column}${rows + 1}"),
                    Numbers(series.Values, chart.NumberFormat)))));
        }
        barChart.Append(
            new C.DataLabels(
                new C.NumberingFormat { FormatCode = chart.NumberFormat, SourceLinked = false },
                new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
                new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
            new C.GapWidth { Val = 80 },
            new C.AxisId { Val = CategoryAxis },
            new C.AxisId { Val = ValueAxis });

        return new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "id-ID" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                Title(chart.Title),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(
                    new C.Layout(),
                    barChart,
                    new C.CategoryAxis(
                        new C.AxisId { Val = CategoryAxis },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.None },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = ValueAxis },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = 100 },
                        new C.NoMultiLevelLabels { Val = false }),
                    new C.ValueAxis(
                        new C.AxisId { Val = ValueAxis },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MinAxisValue { Val = 0 }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })))),
                        new C.NumberingFormat { FormatCode = chart.NumberFormat, SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = CategoryAxis },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = workbookId });
    }

    private static C.Title Title(string text) => new(
        new C.ChartText(new C.RichText(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(
                new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1100, Bold = true }),
                new A.Run(new A.RunProperties { Language = "id-ID", FontSize = 1100, Bold = true }, new A.Text(text))))),
        new C.Overlay { Val = false });

    private static C.StringCache Categories(IReadOnlyList<string> categories)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)categories.Count });
        for (var i = 0; i < categories.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(categories[i])) { Index = (uint)i });
        }
        return cache;
    }

    // A missing figure has no point: the chart leaves a gap (dispBlanksAs), not a bar of 0.
    private static C.NumberingCache Numbers(IReadOnlyList<double?> values, string format)
    {
        var cache = new C.NumberingCache(new C.FormatCode(format), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                cache.Append(new C.NumericPoint(new C.NumericValue(Invariant(v))) { Index = (uint)i });
            }
        }
        return cache;
    }

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string ColumnName(int index) => ((char)('A' + index)).ToString();

    /// <summary>The chart's figures as the embedded workbook Word's Edit Data opens: categories in column A, a series per column from B.</summary>
    public static void WriteWorkbook(DocxChart chart, Stream output)
    {
        using var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = package.AddWorkbookPart();
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        header.Append(chart.Series.Select((s, i) => Text($"{ColumnName(i + 1)}1", s.Name)));
        data.Append(header);
        for (var r = 0; r < chart.Categories.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 2) };
            row.Append(Text($"A{r + 2}", chart.Categories[r]));
            for (var s = 0; s < chart.Series.Count; s++)
            {
                if (chart.Series[s].Values[r] is { } v)
                {
                    row.Append(new Cell { CellReference = $"{ColumnName(s + 1)}{r + 2}", CellValue = new CellValue(Invariant(v)) });
                }
            }
            data.Append(row);
        }
        worksheetPart.Worksheet = new Worksheet(data);
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = Sheet }));
        workbookPart.Workbook.Save();
    }

    private static Cell Text(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
