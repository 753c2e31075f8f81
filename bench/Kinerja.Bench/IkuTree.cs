using System.Globalization;
using System.Text;
using System.Text.Json;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Shared.Catalog;

namespace Kinerja.Bench;

/// <summary>A period the bench asks the IKU for.</summary>
internal sealed record BenchPeriod(string Label, int Year, int? Quarter, bool Cumulative)
{
    public object Variables => new { year = Year, quarter = Quarter, cumulative = Cumulative };
}

/// <summary>
/// The IKU tree as the reporting front end asks for it (every figure at every node, three levels of
/// contributions), and a canonical text of an answer so that every way of asking can be checked against
/// the in-process one.
/// </summary>
internal static class IkuTree
{
    /// <summary>IKU plus three levels of contributions: IKU, program, kegiatan, and one more (empty in the default tree).</summary>
    public const int Depth = 4;

    public const int IkuCount = 4;

    public const string Query = """
        query Iku($year: Int!, $quarter: Int, $cumulative: Boolean) {
          iku(year: $year, quarter: $quarter, cumulative: $cumulative) {
            ...v
            contributions {
              ...v
              contributions {
                ...v
                contributions { ...v }
              }
            }
          }
        }
        fragment v on IndicatorValue {
          indicator { code }
          numerator denominator value target achievement predicate status
        }
        """;

    /// <summary>The canonical text of an in-process answer, down to <see cref="Depth"/> levels.</summary>
    public static string Signature(IReadOnlyList<IndicatorValue> iku)
    {
        var text = new StringBuilder();
        foreach (var value in iku)
        {
            Append(text, value, 1);
        }
        return text.ToString();
    }

    /// <summary>The canonical text of a GraphQL answer's data; checks the answer is sane on the way.</summary>
    public static string Signature(JsonElement data)
    {
        if (!data.TryGetProperty("iku", out var iku) || iku.ValueKind != JsonValueKind.Array || iku.GetArrayLength() != IkuCount)
        {
            throw new BenchCheckException($"the answer does not carry {IkuCount} IKU: {data.GetRawText()}");
        }
        var text = new StringBuilder();
        foreach (var value in iku.EnumerateArray())
        {
            Append(text, value, 1);
        }
        return text.ToString();
    }

    /// <summary>Checks an in-process answer: four IKU, each with a status, a value, an achievement and a predicate.</summary>
    public static void CheckInProcess(IReadOnlyList<IndicatorValue> iku, string what)
    {
        if (iku.Count != IkuCount || iku.Any(v => v.Indicator.Level != IndicatorLevel.Iku))
        {
            throw new BenchCheckException($"{what}: expected {IkuCount} IKU, got {string.Join(", ", iku.Select(v => v.Indicator.Code))}");
        }
        foreach (var value in iku)
        {
            // Every input, stock and target of the year is filled, so every IKU has a figure and a predicate.
            if (value.Status != ValueStatus.Ok || value.Value is null || value.Achievement is null || value.Predicate is null)
            {
                throw new BenchCheckException($"{what}: {value.Indicator.Code} is {value.Status} (value {value.Value}, achievement {value.Achievement}, predicate {value.Predicate})");
            }
        }
    }

    public static int NodeCount(IReadOnlyList<IndicatorValue> iku)
    {
        static int Count(IndicatorValue v, int level) => 1 + (level < Depth ? v.Contributions.Sum(c => Count(c, level + 1)) : 0);
        return iku.Sum(v => Count(v, 1));
    }

    /// <summary>Every status of the tree with how many nodes have it, e.g. "OK 31".</summary>
    public static string StatusCounts(IReadOnlyList<IndicatorValue> iku)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Walk(IndicatorValue v, int level)
        {
            var status = StatusName(v.Status);
            counts[status] = counts.GetValueOrDefault(status) + 1;
            if (level < Depth)
            {
                foreach (var c in v.Contributions)
                {
                    Walk(c, level + 1);
                }
            }
        }
        foreach (var v in iku)
        {
            Walk(v, 1);
        }
        return string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
    }

    private static void Append(StringBuilder text, IndicatorValue value, int level)
    {
        text.Append('(').Append(value.Indicator.Code).Append('|').Append(StatusName(value.Status))
            .Append('|').Append(Number(value.Numerator)).Append('|').Append(Number(value.Denominator))
            .Append('|').Append(Number(value.Value)).Append('|').Append(Number(value.Target))
            .Append('|').Append(Number(value.Achievement)).Append('|').Append(value.Predicate ?? "null");
        if (level < Depth)
        {
            foreach (var child in value.Contributions)
            {
                Append(text, child, level + 1);
            }
        }
        text.Append(')');
    }

    private static void Append(StringBuilder text, JsonElement value, int level)
    {
        var status = value.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (string.IsNullOrEmpty(status))
        {
            throw new BenchCheckException($"a node has no status: {value.GetRawText()}");
        }
        text.Append('(').Append(value.GetProperty("indicator").GetProperty("code").GetString()).Append('|').Append(status)
            .Append('|').Append(Number(value, "numerator")).Append('|').Append(Number(value, "denominator"))
            .Append('|').Append(Number(value, "value")).Append('|').Append(Number(value, "target"))
            .Append('|').Append(Number(value, "achievement"))
            .Append('|').Append(value.GetProperty("predicate") is { ValueKind: JsonValueKind.String } p ? p.GetString() : "null");
        if (level < Depth)
        {
            foreach (var child in value.GetProperty("contributions").EnumerateArray())
            {
                Append(text, child, level + 1);
            }
        }
        text.Append(')');
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "null";

    private static string Number(JsonElement value, string field) =>
        value.GetProperty(field) is { ValueKind: JsonValueKind.Number } n ? Number(n.GetDouble()) : "null";

    /// <summary>The GraphQL name of a status: NoData is NO_DATA.</summary>
    public static string StatusName(ValueStatus status)
    {
        var name = status.ToString();
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
