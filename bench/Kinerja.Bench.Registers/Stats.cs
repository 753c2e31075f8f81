using System.Globalization;

namespace Kinerja.Bench.Registers;

/// <summary>Samples in milliseconds and their median, p95 (nearest rank), min and max.</summary>
internal sealed class Samples(string name)
{
    private readonly List<double> _values = new();

    public string Name { get; } = name;

    public int Count => _values.Count;

    public void Add(double milliseconds) => _values.Add(milliseconds);

    /// <summary>The sample added last.</summary>
    public double Last => _values.Count == 0 ? double.NaN : _values[^1];

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Min => _values.Count == 0 ? double.NaN : _values.Min();

    public double Max => _values.Count == 0 ? double.NaN : _values.Max();

    public double Percentile(double p)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public string Describe() => Count switch
    {
        0 => "-",
        1 => F.Ms(_values[0]),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"median {F.Ms(Median)} (min {F.Ms(Min)}, p95 {F.Ms(P95)}, max {F.Ms(Max)}, n={Count})"),
    };

    public string All() => string.Join(", ", _values.Select(F.Ms));
}

/// <summary>Number formats of the report (invariant culture).</summary>
internal static class F
{
    public static string Ms(double milliseconds) => milliseconds >= 10_000
        ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0.0} ms");

    public static string S(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.00} s");

    public static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string N(double value, string format = "#,0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Mb(long kilobytes) => string.Create(CultureInfo.InvariantCulture, $"{kilobytes / 1024.0:0} MB");

    public static string Bytes(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB");

    public static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x");
}
