namespace Kinerja.Modules.Cascade.Tree;

/// <summary>Where a part (numerator or denominator) of an indicator comes from.</summary>
internal enum PartSource
{
    /// <summary>The owning unit enters it each triwulan.</summary>
    Input,

    /// <summary>The sum of the listed indicators' realisations (a COUNT's value, a PERCENT's numerator).</summary>
    Sum,

    /// <summary>The sum of the listed PERCENT indicators' denominators.</summary>
    Den,

    /// <summary>The sum of the listed indicators' targets.</summary>
    Target,

    /// <summary>A base-data stock.</summary>
    Base,
}

/// <summary>One rollup rule as the catalog writes it: <c>input</c>, <c>sum:A,B</c>, <c>den:A</c>, <c>target:A,B</c>, <c>base:pmks.total</c>.</summary>
internal sealed record PartRule(PartSource Source, IReadOnlyList<string> Codes)
{
    public static readonly PartRule Input = new(PartSource.Input, []);

    private static readonly Dictionary<string, PartSource> Prefixes = new(StringComparer.Ordinal)
    {
        ["sum"] = PartSource.Sum,
        ["den"] = PartSource.Den,
        ["target"] = PartSource.Target,
        ["base"] = PartSource.Base,
    };

    /// <summary>Parses a rule; the error text says what is wrong, in Bahasa Indonesia.</summary>
    public static bool TryParse(string? text, out PartRule rule, out string error)
    {
        rule = Input;
        error = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed == "input")
        {
            return true;
        }
        var colon = trimmed.IndexOf(':');
        if (colon <= 0 || !Prefixes.TryGetValue(trimmed[..colon], out var source))
        {
            error = $"aturan '{text}' tidak dikenal; gunakan input, sum:KODE,..., den:KODE,..., target:KODE,... atau base:UKURAN";
            return false;
        }
        var codes = trimmed[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (codes.Length == 0)
        {
            error = $"aturan '{text}' tidak menyebut kode apa pun";
            return false;
        }
        if (source == PartSource.Base && codes.Length != 1)
        {
            error = $"aturan '{text}' harus menyebut tepat satu data dasar";
            return false;
        }
        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Length)
        {
            error = $"aturan '{text}' menyebut kode yang sama lebih dari sekali";
            return false;
        }
        rule = new PartRule(source, codes);
        return true;
    }

    public static PartRule Parse(string text) =>
        TryParse(text, out var rule, out var error) ? rule : throw new FormatException(error);

    /// <summary>The indicators this part reads (none for input and base).</summary>
    public IEnumerable<string> Indicators => Source is PartSource.Input or PartSource.Base ? [] : Codes;

    public override string ToString() => Source switch
    {
        PartSource.Input => "input",
        _ => $"{Source.ToString().ToLowerInvariant()}:{string.Join(',', Codes)}",
    };

    /// <summary>Where the part comes from, in words, for error messages.</summary>
    public string Describe() => Source switch
    {
        PartSource.Input => "diisi oleh unit pemiliknya",
        PartSource.Sum => $"dihitung dari jumlah realisasi {string.Join(", ", Codes)}",
        PartSource.Den => $"dihitung dari jumlah penyebut {string.Join(", ", Codes)}",
        PartSource.Target => $"dihitung dari jumlah target {string.Join(", ", Codes)}",
        _ => $"diambil dari data dasar {Codes[0]} (isi lewat recordBaseMeasure)",
    };

    public bool Equals(PartRule? other) =>
        other is not null && Source == other.Source && Codes.SequenceEqual(other.Codes, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Source, string.Join(',', Codes));
}

/// <summary>How one indicator's parts are obtained in a year's tree.</summary>
internal sealed record IndicatorRule(string Indicator, PartRule Numerator, PartRule? Denominator)
{
    /// <summary>The indicators this one reads, in rule order, each once: its children in the tree.</summary>
    public IReadOnlyList<string> Children { get; } =
        Numerator.Indicators.Concat(Denominator?.Indicators ?? []).Distinct(StringComparer.Ordinal).ToList();

    public bool IsEntered => Numerator.Source == PartSource.Input || Denominator?.Source == PartSource.Input;
}
