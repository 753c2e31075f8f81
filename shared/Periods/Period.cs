namespace Kinerja.Shared.Periods;

/// <summary>
/// A reporting period: a year, one triwulan of it, or 1 January through the end of a triwulan
/// (cumulative). A whole year is cumulative through the fourth triwulan.
/// </summary>
public readonly record struct Period
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private Period(int year, int? quarter, bool cumulative)
    {
        Year = year;
        Quarter = quarter;
        Cumulative = cumulative;
    }

    public int Year { get; }

    /// <summary>The triwulan asked for; null for the whole year.</summary>
    public int? Quarter { get; }

    public bool Cumulative { get; }

    public static Period OfYear(int year) => new(year, null, true);

    public static Period OfQuarter(int year, int quarter) => new(year, quarter, false);

    public static Period ThroughQuarter(int year, int quarter) => new(year, quarter, true);

    public static Period Create(int year, int? quarter, bool cumulative) =>
        quarter is null ? OfYear(year) : cumulative ? ThroughQuarter(year, quarter.Value) : OfQuarter(year, quarter.Value);

    /// <summary>The last triwulan the period covers: where stocks are read.</summary>
    public int LastQuarter => Quarter ?? 4;

    public int FirstQuarter => Cumulative ? 1 : LastQuarter;

    /// <summary>The period's first day.</summary>
    public DateOnly Start => new(Year, (FirstQuarter - 1) * 3 + 1, 1);

    /// <summary>The period's last day.</summary>
    public DateOnly End => new DateOnly(Year, LastQuarter * 3, 1).AddMonths(1).AddDays(-1);

    public override string ToString() => Quarter is null
        ? $"{Year}"
        : Cumulative ? $"{Year} s.d. TW{Quarter}" : $"{Year} TW{Quarter}";
}
