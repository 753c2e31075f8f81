using System.Net;
using System.Text;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>
/// A report as one printable HTML page: A4 landscape when printed, the header rows repeated on every page
/// (a table's thead), each table from a new page.
/// </summary>
internal static class HtmlReportWriter
{
    private const string Style = """
        @page { size: A4 landscape; margin: 1cm; }
        body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #000; margin: 1cm; }
        @media print { body { margin: 0; } }
        section + section:not(.continues) { break-before: page; }
        h1 { font-size: 12pt; text-align: center; margin: 0; }
        p.line { margin: 2pt 0; }
        table.report { border-collapse: collapse; width: 100%; margin-top: 6pt; }
        table.report th, table.report td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; white-space: pre-line; }
        table.report th { background: #d9d9d9; text-align: center; vertical-align: middle; }
        table.report td.figure { text-align: right; white-space: nowrap; }
        table.report tr.section td { background: #f2f2f2; font-weight: bold; }
        tr { break-inside: avoid; }
        p.note { font-size: 8pt; margin: 2pt 0; }
        table.signatures { width: 100%; margin-top: 12pt; break-inside: avoid; }
        table.signatures td { width: 50%; text-align: center; vertical-align: top; }
        .name { font-weight: bold; margin-top: 48pt; }
        """;

    public static string Write(ReportDocument document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{E(document.Title)} - {E(document.Tables[0].Title[1])}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        foreach (var table in document.Tables)
        {
            html.Append(table.Continues ? "<section class=\"continues\">\n" : "<section>\n");
            foreach (var line in table.Title)
            {
                html.Append($"<h1>{E(line)}</h1>\n");
            }
            foreach (var line in table.Lines)
            {
                html.Append($"<p class=\"line\">{E(line)}</p>\n");
            }
            html.Append("<table class=\"report\">\n<thead>\n");
            AppendHeader(html, table);
            html.Append("</thead>\n<tbody>\n");
            foreach (var section in table.Sections)
            {
                if (section.Heading is not null)
                {
                    html.Append($"<tr class=\"section\"><td colspan=\"{table.Columns.Count}\">{E(section.Heading)}</td></tr>\n");
                }
                foreach (var row in section.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row.Cells)
                    {
                        html.Append(cell.IsFigure ? "<td class=\"figure\">" : "<td>").Append(E(cell.Display)).Append("</td>");
                    }
                    html.Append("</tr>\n");
                }
            }
            html.Append("</tbody>\n</table>\n");
            foreach (var note in table.Notes)
            {
                html.Append($"<p class=\"note\">{E(note)}</p>\n");
            }
            if (table.Signatures is { } s)
            {
                html.Append("<table class=\"signatures\"><tr>");
                foreach (var (who, above) in new[] { (s.Left, ""), (s.Right, s.PlaceAndDate) })
                {
                    html.Append($"<td><div>{E(above)}&nbsp;</div><div><b>{E(who.Role)}</b></div><div>{E(who.Jabatan)}</div>")
                        .Append($"<div class=\"name\">{E(who.Nama ?? "(nama belum ditetapkan)")}</div><div>{E(who.Pangkat ?? "")}</div>")
                        .Append($"<div>{E(who.NipText)}</div></td>");
                }
                html.Append("</tr></table>\n");
            }
            html.Append("</section>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void AppendHeader(StringBuilder html, ReportTable table)
    {
        var columns = table.Columns;
        if (!table.HasBands)
        {
            html.Append("<tr>").AppendJoin("", columns.Select(c => $"<th>{E(c.Heading)}</th>")).Append("</tr>\n");
            return;
        }
        var bottom = new StringBuilder();
        html.Append("<tr>");
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Band is not { } band)
            {
                html.Append($"<th rowspan=\"2\">{E(columns[c].Heading)}</th>");
                continue;
            }
            var span = columns.Skip(c).TakeWhile(x => x.Band == band).Count();
            html.Append($"<th colspan=\"{span}\">{E(band)}</th>");
            foreach (var column in columns.Skip(c).Take(span))
            {
                bottom.Append($"<th>{E(column.Heading)}</th>");
            }
            c += span - 1;
        }
        html.Append("</tr>\n<tr>").Append(bottom).Append("</tr>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
