using System.Globalization;
using System.Text;
using System.Text.Json;
using Kinerja.Shared.Modules;

namespace Kinerja.Bench;

/// <summary>What was entered for the year.</summary>
internal sealed record FillSummary(
    int Indicators, int CountInputs, int PercentInputs, int BaseMeasures,
    int Realizations, int Stocks, int Targets, int Requests, TimeSpan Elapsed);

/// <summary>
/// Fills one year with realistic random figures (fixed seed) through the GraphQL mutations, the way the
/// units would: every entered COUNT's value and every entered PERCENT's numerator and denominator for
/// the four triwulan, every base-data stock for the four triwulan, and an annual and four quarterly
/// targets for every indicator. What is entered follows the year's tree as the host answers it, so a
/// changed catalog is followed rather than guessed.
/// </summary>
internal sealed class DataFiller
{
    public const int MutationsPerRequest = 20;

    // Stocks at the end of triwulan 1 (Kabupaten Gresik scale); later triwulan drift by a few percent.
    private static readonly Dictionary<string, double> Stocks = new(StringComparer.Ordinal)
    {
        ["pmks.total"] = 28_400,
        ["eks_penyakit_sosial.total"] = 460,
        ["disabilitas.total"] = 3_850,
        ["fakir_miskin.total"] = 52_300,
        ["wrse.total"] = 1_540,
        ["lks.total"] = 142,
        ["panti_asuhan.total"] = 46,
        ["tmp.total"] = 9,
    };

    // A triwulan's typical figure of the entered COUNTs whose share of a stock is reported, so that the
    // percentage above them stays plausible (JAMINAN-5 maintains some of the 9 TMP, not hundreds).
    private static readonly Dictionary<string, double> CountScale = new(StringComparer.Ordinal)
    {
        ["PEMULIHAN-1"] = 30,
        ["PENGEMBANGAN-2"] = 110,
        ["JAMINAN-2"] = 6,
        ["JAMINAN-5"] = 2,
        ["KELEMBAGAAN-1"] = 20,
        ["PMI-1"] = 90,
        ["PMI-2"] = 120,
        ["PERLINDUNGAN-1"] = 450,
        ["PERLINDUNGAN-2"] = 160,
        ["PERLINDUNGAN-3"] = 240,
        ["JAMINAN-1"] = 600,
    };

    private readonly HttpClient _client;
    private readonly ModuleDirectory _directory;
    private readonly int _year;
    private readonly Random _random = new(20260402);
    private int _requests;

    public DataFiller(HttpClient client, ModuleDirectory directory, int year)
    {
        _client = client;
        _directory = directory;
        _year = year;
    }

    public async Task<FillSummary> FillAsync()
    {
        var started = DateTime.UtcNow;
        var tree = await TreeAsync();
        var measures = _directory.Modules.Where(m => m.Enabled).SelectMany(m => m.Catalog.BaseMeasures).Select(b => b.Code).ToList();

        var realizations = new List<string>();
        var countInputs = 0;
        var percentInputs = 0;
        foreach (var rule in tree.Where(r => r.Numerator == "input"))
        {
            if (rule.Kind == "COUNT")
            {
                countInputs++;
                var scale = CountScale.GetValueOrDefault(rule.Code, 5 + _random.Next(0, 80));
                for (var q = 1; q <= 4; q++)
                {
                    var value = Math.Max(0, Math.Round(scale * Uniform(0.7, 1.3)));
                    realizations.Add($"recordRealization(input: {{ indicator: {GraphQLClient.Literal(rule.Code)}, year: {_year}, quarter: {q}, value: {Number(value)} }}) {{ status }}");
                }
            }
            else
            {
                percentInputs++;
                // VERVAL-1 verifies register entries by the thousand; the KEU and PROLAP ones count documents.
                var scale = rule.Code.StartsWith("VERVAL", StringComparison.Ordinal) ? 4_000 : 20 + _random.Next(0, 300);
                for (var q = 1; q <= 4; q++)
                {
                    var denominator = Math.Max(1, Math.Round(scale * Uniform(0.8, 1.2)));
                    var numerator = Math.Min(denominator, Math.Round(denominator * Uniform(0.65, 1.0)));
                    var parts = rule.Denominator == "input"
                        ? $"numerator: {Number(numerator)}, denominator: {Number(denominator)}"
                        : $"numerator: {Number(numerator)}";
                    realizations.Add($"recordRealization(input: {{ indicator: {GraphQLClient.Literal(rule.Code)}, year: {_year}, quarter: {q}, {parts} }}) {{ status }}");
                }
            }
        }
        await MutateAsync(realizations);

        var stocks = new List<string>();
        foreach (var measure in measures)
        {
            var value = Stocks.GetValueOrDefault(measure, 1_000);
            for (var q = 1; q <= 4; q++)
            {
                stocks.Add($"recordBaseMeasure(input: {{ measure: {GraphQLClient.Literal(measure)}, year: {_year}, quarter: {q}, value: {Number(Math.Max(1, Math.Round(value)))} }}) {{ value }}");
                value *= Uniform(0.98, 1.04);
            }
        }
        await MutateAsync(stocks);

        // Targets near what was realised, from 90 % to 150 % of it, so achievements spread over the
        // predicates. Level by level from the bottom: a program whose denominator is its kegiatan's
        // targets (SEK-1) has a figure only once those are set.
        var targets = 0;
        foreach (var level in new[] { "KEGIATAN", "PROGRAM", "IKU" })
        {
            var codes = tree.Where(r => r.Level == level).ToList();
            var mutations = new List<string>();
            foreach (var batch in codes.Chunk(8))
            {
                var realised = await RealisedAsync(batch.Select(r => r.Code).ToList());
                foreach (var rule in batch)
                {
                    for (var q = 0; q <= 4; q++)
                    {
                        var target = Target(rule.Kind, realised[(rule.Code, q)]);
                        var quarter = q == 0 ? "" : $", quarter: {q}";
                        mutations.Add($"setTarget(input: {{ indicator: {GraphQLClient.Literal(rule.Code)}, year: {_year}{quarter}, value: {Number(target)} }}) {{ status }}");
                    }
                }
            }
            await MutateAsync(mutations);
            targets += mutations.Count;
        }

        return new FillSummary(tree.Count, countInputs, percentInputs, measures.Count,
            realizations.Count, stocks.Count, targets, _requests, DateTime.UtcNow - started);
    }

    private sealed record Rule(string Code, string Kind, string Level, string Numerator, string? Denominator);

    private async Task<List<Rule>> TreeAsync()
    {
        _requests++;
        var data = await GraphQLClient.DataAsync(_client,
            "query Tree($year: Int!) { tree(year: $year) { indicator { code kind level } numerator denominator } }",
            new { year = _year });
        return data.GetProperty("tree").EnumerateArray().Select(r => new Rule(
            r.GetProperty("indicator").GetProperty("code").GetString()!,
            r.GetProperty("indicator").GetProperty("kind").GetString()!,
            r.GetProperty("indicator").GetProperty("level").GetString()!,
            r.GetProperty("numerator").GetString()!,
            r.GetProperty("denominator").ValueKind == JsonValueKind.String ? r.GetProperty("denominator").GetString() : null)).ToList();
    }

    /// <summary>The realised value of each indicator per triwulan (1-4) and for the year (0).</summary>
    private async Task<Dictionary<(string, int), double?>> RealisedAsync(IReadOnlyList<string> codes)
    {
        var query = new StringBuilder("{");
        for (var i = 0; i < codes.Count; i++)
        {
            for (var q = 0; q <= 4; q++)
            {
                var quarter = q == 0 ? "" : $", quarter: {q}";
                query.Append($" v{i}_{q}: value(indicator: {GraphQLClient.Literal(codes[i])}, year: {_year}{quarter}) {{ value }}");
            }
        }
        query.Append(" }");
        _requests++;
        var data = await GraphQLClient.DataAsync(_client, query.ToString());
        var result = new Dictionary<(string, int), double?>();
        for (var i = 0; i < codes.Count; i++)
        {
            for (var q = 0; q <= 4; q++)
            {
                var value = data.GetProperty($"v{i}_{q}").GetProperty("value");
                result[(codes[i], q)] = value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
            }
        }
        return result;
    }

    private double Target(string kind, double? realised)
    {
        var factor = Uniform(0.9, 1.5);
        if (kind == "COUNT")
        {
            return Math.Max(1, Math.Round((realised ?? 10) * factor));
        }
        // A percentage target: two decimals, at most 100 %.
        return Math.Clamp(Math.Round((realised ?? 80) * factor, 2), 0.01, 100);
    }

    private async Task MutateAsync(IReadOnlyList<string> fields)
    {
        foreach (var batch in fields.Chunk(MutationsPerRequest))
        {
            var text = new StringBuilder("mutation {");
            for (var i = 0; i < batch.Length; i++)
            {
                text.Append($"\n  m{i}: ").Append(batch[i]);
            }
            text.Append("\n}");
            _requests++;
            var data = await GraphQLClient.DataAsync(_client, text.ToString());
            if (data.EnumerateObject().Count() != batch.Length)
            {
                throw new BenchCheckException($"a mutation batch of {batch.Length} answered {data.GetRawText()}");
            }
        }
    }

    private double Uniform(double low, double high) => low + _random.NextDouble() * (high - low);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
