using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Rollup;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Tests.Rollup;

public sealed class RollupScheduleTests
{
    private static readonly RollupSettings Settings = RollupSettings.From(new ConfigurationBuilder().Build());

    [Theory]
    // after             the next firing (UTC)       = 01:00 WIB on the 10th     rolls up
    [InlineData("2026-02-01T00:00:00+07:00", "2026-04-09T18:00:00Z", 2026, 1)]
    [InlineData("2026-04-10T00:59:59+07:00", "2026-04-09T18:00:00Z", 2026, 1)]
    [InlineData("2026-04-10T01:00:00+07:00", "2026-07-09T18:00:00Z", 2026, 2)]
    [InlineData("2026-08-01T00:00:00+07:00", "2026-10-09T18:00:00Z", 2026, 3)]
    [InlineData("2026-11-29T00:00:00+07:00", "2027-01-09T18:00:00Z", 2026, 4)]
    public void Given_the_default_schedule_Then_it_fires_at_01_00_WIB_on_the_10th_for_the_quarter_just_ended(
        string after, string expectedUtc, int year, int quarter)
    {
        var trigger = RollupScheduling.Trigger(Settings, new Kinerja.Tests.Support.ShiftedClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z")));

        var next = trigger.GetFireTimeAfter(DateTimeOffset.Parse(after));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc), next);
        Assert.Equal((year, quarter), Settings.QuarterEndedBefore(next!.Value));
        Assert.Equal(TimeSpan.FromHours(7), Settings.Local(next.Value).Offset);
        Assert.Equal(1, Settings.Local(next.Value).Hour);
    }

    [Fact]
    public void Given_a_configured_cron_and_zone_Then_they_are_used()
    {
        var settings = RollupSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kinerja:Rollup:Cron"] = "0 30 8 5 1,4,7,10 ?",
            ["Kinerja:Rollup:TimeZone"] = "Asia/Makassar",
        }).Build());

        var next = RollupScheduling.Trigger(settings, new Kinerja.Tests.Support.ShiftedClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z")))
            .GetFireTimeAfter(DateTimeOffset.Parse("2026-03-01T00:00:00Z"));

        Assert.Equal(DateTimeOffset.Parse("2026-04-05T08:30:00+08:00"), next); // WITA
    }

    [Theory]
    [InlineData("Kinerja:Rollup:Cron", "tiap hari")]
    [InlineData("Kinerja:Rollup:TimeZone", "Asia/Gresik")]
    public void Given_a_bad_setting_Then_the_start_stops_with_a_message(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => RollupSettings.From(configuration));

        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData(2026, 1, "2026-04-01T00:00:00+07:00")]
    [InlineData(2026, 4, "2027-01-01T00:00:00+07:00")]
    public void Given_a_quarter_Then_it_ends_at_midnight_WIB_of_the_next_quarter(int year, int quarter, string end)
    {
        Assert.Equal(DateTimeOffset.Parse(end), Settings.EndOf(year, quarter));
    }
}
