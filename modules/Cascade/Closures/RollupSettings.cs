using Microsoft.Extensions.Configuration;

namespace Kinerja.Modules.Cascade.Closures;

/// <summary>When the quarterly rollup runs, and in which time zone its moments and times are read.</summary>
internal sealed record RollupSettings(string Cron, TimeZoneInfo TimeZone)
{
    /// <summary>01:00 on the 10th of January, April, July and October: the quarter just ended.</summary>
    public const string DefaultCron = "0 0 1 10 1,4,7,10 ?";

    public const string DefaultTimeZone = "Asia/Jakarta";

    public static RollupSettings From(IConfiguration configuration)
    {
        var cron = configuration["Kinerja:Rollup:Cron"] is { Length: > 0 } c ? c : DefaultCron;
        if (!Quartz.CronExpression.TryParse(cron, out _))
        {
            throw new InvalidOperationException($"Kinerja:Rollup:Cron '{cron}' bukan ekspresi cron Quartz yang sah.");
        }
        var zone = configuration["Kinerja:Rollup:TimeZone"] is { Length: > 0 } z ? z : DefaultTimeZone;
        try
        {
            return new RollupSettings(cron, TimeZoneInfo.FindSystemTimeZoneById(zone));
        }
        catch (TimeZoneNotFoundException)
        {
            throw new InvalidOperationException($"Kinerja:Rollup:TimeZone '{zone}' bukan zona waktu yang dikenal.");
        }
    }

    /// <summary>An instant as local time of the rollup's zone, with its offset (WIB: +07:00).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The triwulan that ended last before an instant, in the rollup's zone.</summary>
    public (int Year, int Quarter) QuarterEndedBefore(DateTimeOffset instant)
    {
        var local = Local(instant);
        var current = (local.Month - 1) / 3 + 1;
        return current == 1 ? (local.Year - 1, 4) : (local.Year, current - 1);
    }

    /// <summary>
    /// The triwulan whose firings came after <paramref name="installedAt"/> and by <paramref name="now"/>, oldest first:
    /// each firing's triwulan is the one that ended before it, and one that ended before the installation is left out.
    /// </summary>
    public IEnumerable<(int Year, int Quarter)> QuartersDue(DateTimeOffset installedAt, DateTimeOffset now)
    {
        var cron = new Quartz.CronExpression(Cron, TimeZone);
        var firing = cron.GetNextValidTimeAfter(installedAt);
        while (firing is { } at && at <= now)
        {
            var (year, quarter) = QuarterEndedBefore(at);
            if (EndOf(year, quarter) > installedAt)
            {
                yield return (year, quarter);
            }
            // The next firing that can concern another triwulan comes after the following one has ended.
            var (nextYear, nextQuarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1);
            var after = EndOf(nextYear, nextQuarter).AddTicks(-1);
            firing = cron.GetNextValidTimeAfter(after > at ? after : at);
        }
    }

    /// <summary>The first moment after a triwulan, in the rollup's zone.</summary>
    public DateTimeOffset EndOf(int year, int quarter)
    {
        var next = quarter == 4 ? new DateTime(year + 1, 1, 1) : new DateTime(year, quarter * 3 + 1, 1);
        return new DateTimeOffset(next, TimeZone.GetUtcOffset(next));
    }
}
