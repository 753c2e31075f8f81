using System.Globalization;
using System.Text;

namespace Kinerja.Bench;

/// <summary>The timings of one case for one period, in milliseconds.</summary>
internal sealed class Row(string @case, string period, bool isRequest)
{
    private readonly List<double> _samples = [];

    public string Case { get; } = @case;

    public string Period { get; } = period;

    /// <summary>Whether each sample is one HTTP request (a requests/s column is given).</summary>
    public bool IsRequest { get; } = isRequest;

    public int Count => _samples.Count;

    public void Add(double milliseconds) => _samples.Add(milliseconds);

    public double Median => Percentile(0.5);

    /// <summary>Nearest rank: the smallest sample that at least 95 % of the samples do not exceed.</summary>
    public double P95 => Percentile(0.95);

    public double Mean => _samples.Count == 0 ? double.NaN : _samples.Average();

    /// <summary>
    /// How much the last fifth of the samples differs from the first fifth (their medians), relative to
    /// the first: near 0 when the warm-up was enough, clearly negative while tiered JIT is still speeding
    /// the code up.
    /// </summary>
    public double Drift
    {
        get
        {
            var fifth = _samples.Count / 5;
            if (fifth < 3)
            {
                return double.NaN;
            }
            var first = MedianOf(_samples.Take(fifth));
            var last = MedianOf(_samples.Skip(_samples.Count - fifth));
            return (last - first) / first;
        }
    }

    /// <summary>Sequential requests per second: one over the mean time of a request.</summary>
    public double RequestsPerSecond => 1000 / Mean;

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 0 ? (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2 : sorted[sorted.Count / 2];
    }

    private double Percentile(double p)
    {
        if (_samples.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _samples.Order().ToList();
        if (p == 0.5)
        {
            return MedianOf(sorted);
        }
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

internal static class Table
{
    public static string Format(IReadOnlyList<Row> rows)
    {
        var header = new[] { "case", "period", "n", "median ms", "p95 ms", "mean ms", "req/s", "drift" };
        var cells = rows.Select(r => new[]
        {
            r.Case,
            r.Period,
            r.Count.ToString(CultureInfo.InvariantCulture),
            Milliseconds(r.Median),
            Milliseconds(r.P95),
            Milliseconds(r.Mean),
            r.IsRequest ? r.RequestsPerSecond.ToString("0", CultureInfo.InvariantCulture) : "",
            double.IsNaN(r.Drift) ? "-" : r.Drift.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length)
            .Select(i => Math.Max(header[i].Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var numeric = new[] { false, false, true, true, true, true, true, true };

        var text = new StringBuilder();
        void Line(string[] values)
        {
            text.Append("| ");
            text.Append(string.Join(" | ", values.Select((v, i) => numeric[i] ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))));
            text.AppendLine(" |");
        }
        Line(header);
        text.Append('|').Append(string.Join("|", widths.Select((w, i) => new string('-', w + 1) + (numeric[i] ? ":" : "-")))).AppendLine("|");
        foreach (var c in cells)
        {
            Line(c);
        }
        return text.ToString();
    }

    /// <summary>Three significant decimals where it matters: 0.0123, 1.234, 12.35.</summary>
    private static string Milliseconds(double value) => value switch
    {
        double.NaN => "-",
        < 0.1 => value.ToString("0.0000", CultureInfo.InvariantCulture),
        < 10 => value.ToString("0.000", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
