using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kinerja.Bench.Registers;

/// <summary>A node of an answer: an indicator's figures for the period.</summary>
internal sealed record Figure(string Code, double? Numerator, double? Denominator, double? Value, string Status, string? Source, string? DenominatorSource);

/// <summary>The GraphQL the bench asks a host process, and what it reads from the answers.</summary>
internal sealed class KinerjaApi(HttpClient http)
{
    private const string Fields = "indicator { code } numerator denominator value target achievement predicate status source denominatorSource";

    public const string IkuQuery = $$"""
        query Iku($year: Int!, $quarter: Int) {
          iku(year: $year, quarter: $quarter) {
            ...v
            contributions { ...v contributions { ...v contributions { ...v } } }
          }
        }
        fragment v on IndicatorValue { {{Fields}} }
        """;

    public const string ValueQuery = $$"""
        query Value($code: String!, $year: Int!, $quarter: Int) {
          value(indicator: $code, year: $year, quarter: $quarter) { {{Fields}} }
        }
        """;

    public HttpClient Http { get; } = http;

    public static byte[] IkuBody(int year, int quarter) => GraphQLClient.Body(IkuQuery, new { year, quarter });

    public static byte[] ValueBody(string code, int year, int quarter) => GraphQLClient.Body(ValueQuery, new { code, year, quarter });

    /// <summary>Posts a prepared body; the time of the request and the answer's data (errors refused, outside the timed span).</summary>
    public async Task<(double Milliseconds, JsonElement Data)> TimedAsync(byte[] body)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await GraphQLClient.PostAsync(Http, body);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (elapsed, GraphQLClient.Data(answer));
    }

    /// <summary>Codes that may be counted from a register in the year, with their module (kegiatan) or null (stocks).</summary>
    public async Task<IReadOnlyList<string>> SourcesAsync(int year)
    {
        var data = await GraphQLClient.DataAsync(Http, "query($y: Int!) { sources(year: $y) { code source } }", new { y = year });
        return data.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList();
    }

    /// <summary>setSource(code, year, source: REGISTER) for every code, in one request of aliased mutations.</summary>
    public async Task<double> SetRegisterAsync(IReadOnlyList<string> codes, int year)
    {
        var mutation = new StringBuilder("mutation {");
        for (var i = 0; i < codes.Count; i++)
        {
            mutation.Append(CultureInfo.InvariantCulture,
                $" s{i}: setSource(code: {GraphQLClient.Literal(codes[i])}, year: {year}, source: REGISTER) {{ code source }}");
        }
        mutation.Append(" }");
        var (ms, data) = await TimedAsync(GraphQLClient.Body(mutation.ToString()));
        for (var i = 0; i < codes.Count; i++)
        {
            if (data.GetProperty($"s{i}").GetProperty("source").GetString() != "REGISTER")
            {
                throw new BenchCheckException($"setSource({codes[i]}, {year}) did not answer REGISTER");
            }
        }
        return ms;
    }

    /// <summary>Each kegiatan indicator's module.</summary>
    public async Task<IReadOnlyDictionary<string, string>> KegiatanModulesAsync()
    {
        var data = await GraphQLClient.DataAsync(Http, "{ indicators(level: KEGIATAN) { code module kind } }");
        return data.GetProperty("indicators").EnumerateArray()
            .ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("module").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>For each stock, the indicators whose denominator is base:stock in the year's tree.</summary>
    public async Task<IReadOnlyDictionary<string, List<string>>> StockIndicatorsAsync(int year)
    {
        var data = await GraphQLClient.DataAsync(Http, "query($y: Int!) { tree(year: $y) { indicator { code } denominator } }", new { y = year });
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in data.GetProperty("tree").EnumerateArray())
        {
            if (rule.GetProperty("denominator").GetString() is { } denominator && denominator.StartsWith("base:", StringComparison.Ordinal))
            {
                var stock = denominator["base:".Length..];
                if (!map.TryGetValue(stock, out var list))
                {
                    map[stock] = list = [];
                }
                list.Add(rule.GetProperty("indicator").GetProperty("code").GetString()!);
            }
        }
        return map;
    }

    /// <summary>
    /// Several values in one request, by alias: (code, kecamatan or null). Each alias is a value(...) of its own,
    /// computed as a separate request would be.
    /// </summary>
    public async Task<List<Figure>> ValuesAsync(IReadOnlyList<(string Code, string? Kecamatan)> asked, int year, int quarter)
    {
        var query = new StringBuilder("{");
        for (var i = 0; i < asked.Count; i++)
        {
            var (code, kecamatan) = asked[i];
            query.Append(CultureInfo.InvariantCulture, $" v{i}: value(indicator: {GraphQLClient.Literal(code)}, year: {year}, quarter: {quarter}");
            if (kecamatan is not null)
            {
                query.Append(", kecamatan: ").Append(GraphQLClient.Literal(kecamatan));
            }
            query.Append(") { ").Append(Fields).Append(" }");
        }
        query.Append(" }");
        var data = await GraphQLClient.DataAsync(Http, query.ToString());
        return Enumerable.Range(0, asked.Count).Select(i => Read(data.GetProperty($"v{i}"))).ToList();
    }

    /// <summary>Every node of an iku answer, depth first.</summary>
    public static IEnumerable<Figure> Nodes(JsonElement data)
    {
        foreach (var iku in data.GetProperty("iku").EnumerateArray())
        {
            foreach (var figure in Walk(iku))
            {
                yield return figure;
            }
        }
    }

    private static IEnumerable<Figure> Walk(JsonElement node)
    {
        yield return Read(node);
        if (node.TryGetProperty("contributions", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                foreach (var figure in Walk(child))
                {
                    yield return figure;
                }
            }
        }
    }

    public static Figure Read(JsonElement node) => new(
        node.GetProperty("indicator").GetProperty("code").GetString()!,
        Number(node, "numerator"),
        Number(node, "denominator"),
        Number(node, "value"),
        node.GetProperty("status").GetString()!,
        node.GetProperty("source").GetString(),
        node.GetProperty("denominatorSource").GetString());

    private static double? Number(JsonElement node, string name) =>
        node.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    /// <summary>A compact text of an iku answer's figures, to tell that two answers agree.</summary>
    public static string Signature(JsonElement data) =>
        string.Join(";", Nodes(data).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Code}={f.Numerator}/{f.Denominator}/{f.Status}")));
}
