using System.Globalization;
using Kinerja.Shared.Registers;

namespace Kinerja.Bench.Registers;

/// <summary>
/// One count Kinerja makes for a period, as SQL: the statement its counter sends (copied from
/// PemberdayaanStocks, ServiceRegister and TamanMakamPahlawanStock, with its parameters), and the same
/// statement with the values written in, for the sqlite3 shell.
/// </summary>
internal sealed record CountQuery(string Code, bool IsStock, string Sql, IReadOnlyList<object> Parameters)
{
    public string Kind => IsStock ? "stock" : "kegiatan";

    /// <summary>The statement with each @pN replaced by its value as an SQL literal.</summary>
    public string LiteralSql
    {
        get
        {
            var sql = Sql;
            // Highest index first, so that @p1 does not eat the start of @p10.
            for (var i = Parameters.Count - 1; i >= 0; i--)
            {
                sql = sql.Replace($"@p{i}", Literal(Parameters[i]), StringComparison.Ordinal);
            }
            return sql;
        }
    }

    private static string Literal(object value) => value switch
    {
        DateOnly d => $"'{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private const string Persons = "pemberdayaan_persons";
    private const string PersonCategories = "pemberdayaan_person_categories";
    private const string Institutions = "pemberdayaan_institutions";
    private const string Tmp = "linjamsos_taman_makam_pahlawan";

    /// <summary>The person stocks of PemberdayaanStocks and the PMKS categories each counts (null: all).</summary>
    public static readonly (string Code, PmksGroup? Group)[] PersonStocks =
    [
        ("pmks.total", null),
        ("eks_penyakit_sosial.total", PmksCategories.EksPenyakitSosial),
        ("disabilitas.total", PmksCategories.Disabilitas),
        ("fakir_miskin.total", PmksCategories.FakirMiskin),
        ("wrse.total", PmksCategories.Wrse),
    ];

    /// <summary>A stock at a date, as its counter in Kinerja counts it.</summary>
    public static CountQuery Stock(string code, DateOnly at)
    {
        foreach (var (stock, group) in PersonStocks)
        {
            if (stock == code)
            {
                var filter = group is null ? "" : $"""AND c."Category" IN ({string.Join(", ", group.Select(c => c.Number))})""";
                return new CountQuery(code, true, $"""
                    SELECT p."Kecamatan" AS "Kecamatan", COUNT(DISTINCT c."Nik") AS "Count"
                    FROM "{PersonCategories}" c JOIN "{Persons}" p ON p."Nik" = c."Nik"
                    WHERE c."StartedOn" <= @p0 AND (c."EndedOn" IS NULL OR c."EndedOn" >= @p0) {filter}
                    GROUP BY p."Kecamatan"
                    """, [at]);
            }
        }
        if (code is "lks.total" or "panti_asuhan.total")
        {
            var lks = PsksCategories.All.Single(c => c.Abbreviations.Contains("LKS")).Number;
            var type = code == "panti_asuhan.total" ? """AND "Type" = 'LKSA'""" : "";
            return new CountQuery(code, true, $"""
                SELECT "Kecamatan" AS "Kecamatan", COUNT(*) AS "Count" FROM "{Institutions}"
                WHERE "Kind" = {lks} AND "ActiveFrom" <= @p0 AND ("ActiveUntil" IS NULL OR "ActiveUntil" >= @p0) {type}
                GROUP BY "Kecamatan"
                """, [at]);
        }
        if (code == "tmp.total")
        {
            // What EF makes of TamanMakamPahlawanStock's LINQ.
            return new CountQuery(code, true, $"""
                SELECT "Kecamatan", COUNT(*) AS "Count" FROM "{Tmp}" WHERE "RegisteredOn" <= @p0 GROUP BY "Kecamatan"
                """, [at]);
        }
        throw new ArgumentException($"no counter known for stock {code}", nameof(code));
    }

    /// <summary>
    /// Every person stock at a date in one statement, as PemberdayaanStocks counts them (copied): one row per
    /// kecamatan with a column per stock of <see cref="PersonStocks"/>, in their order.
    /// </summary>
    public static string PersonStocksOnePass(DateOnly at)
    {
        var sums = string.Join(", ", PersonStocks.Select(s => s.Group is null
            ? """SUM(CASE WHEN "Categories" IS NOT NULL THEN 1 ELSE 0 END)"""
            : $"""SUM(CASE WHEN ("Categories" & {s.Group.Sum(c => 1L << c.Number)}) <> 0 THEN 1 ELSE 0 END)"""));
        return $"""
            SELECT "Kecamatan", {sums} FROM (
              SELECT p."Kecamatan" AS "Kecamatan", (
                SELECT SUM(DISTINCT 1 << c."Category") FROM "{PersonCategories}" c
                WHERE c."Nik" = p."Nik" AND c."StartedOn" <= {Literal(at)} AND (c."EndedOn" IS NULL OR c."EndedOn" >= {Literal(at)})) AS "Categories"
              FROM "{Persons}" p GROUP BY p."Nik", p."Kecamatan"
            ) AS person GROUP BY "Kecamatan"
            """;
    }

    /// <summary>The same on PostgreSQL, as PemberdayaanStocks counts them there: active categories grouped by NIK, joined to the persons.</summary>
    public static string PersonStocksOnePassPostgreSql(DateOnly at)
    {
        var sums = string.Join(", ", PersonStocks.Select(s => s.Group is null
            ? """SUM(CASE WHEN "Categories" IS NOT NULL THEN 1 ELSE 0 END)"""
            : $"""SUM(CASE WHEN ("Categories" & {s.Group.Sum(c => 1L << c.Number)}) <> 0 THEN 1 ELSE 0 END)"""));
        return $"""
            SELECT p."Kecamatan", {sums} FROM "{Persons}" p JOIN (
              SELECT c."Nik", bit_or(1 << c."Category") AS "Categories" FROM "{PersonCategories}" c
              WHERE c."StartedOn" <= {Literal(at)} AND (c."EndedOn" IS NULL OR c."EndedOn" >= {Literal(at)}) GROUP BY c."Nik"
            ) AS person ON person."Nik" = p."Nik" GROUP BY p."Kecamatan"
            """;
    }

    /// <summary>A kegiatan indicator's count of distinct subjects served in a period (ServiceRegister.CountServedAsync).</summary>
    public static CountQuery Served(string indicator, string module, DateOnly from, DateOnly to) =>
        new(indicator, false, $"""
            SELECT "Kecamatan" AS "Kecamatan", COUNT(*) AS "Count" FROM (
              SELECT "Kecamatan", ROW_NUMBER() OVER (PARTITION BY "Subject" ORDER BY "ServedOn" DESC, "Id" DESC) AS "Latest"
              FROM "{module.ToLowerInvariant()}_services" WHERE "Indicator" = @p0 AND "ServedOn" >= @p1 AND "ServedOn" <= @p2
            ) AS served WHERE "Latest" = 1 GROUP BY "Kecamatan"
            """, [indicator, from, to]);
}

/// <summary>The rows of one count: kecamatan and number, and how long it took.</summary>
internal sealed record CountResult(string Code, double Milliseconds, IReadOnlyDictionary<string, long> ByKecamatan)
{
    public long Total => ByKecamatan.Values.Sum();
}
