using Kinerja.Host.Data;
using Quartz;

namespace Kinerja.Host.Backups;

/// <summary>Where backups go, when the scheduled one runs, how many are kept, and whether a start that migrates takes one first.</summary>
internal sealed record BackupSettings(string Directory, string? Schedule, TimeZoneInfo TimeZone, int Keep, bool BeforeMigration)
{
    public const string DirectorySetting = "Kinerja:Backup:Directory";
    public const string ScheduleSetting = "Kinerja:Backup:Schedule";
    public const string TimeZoneSetting = "Kinerja:Backup:TimeZone";
    public const string KeepSetting = "Kinerja:Backup:Keep";
    public const string BeforeMigrationSetting = "Kinerja:Backup:BeforeMigration";

    /// <summary>Every night at 01.30, office time: after the working day, before the quarterly rollup's 01.00 has anything to race.</summary>
    public const string DefaultSchedule = "0 30 1 * * ?";

    private static bool IsCron(string text)
    {
        try
        {
            _ = new CronExpression(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The settings, checked: a wrong one stops the start with the setting named, rather than an office without backups.</summary>
    public static BackupSettings From(IConfiguration configuration)
    {
        var directory = configuration[DirectorySetting] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(DatabaseHosting.DataDirectory(configuration), "backups");
        var schedule = configuration[ScheduleSetting] switch
        {
            null => DefaultSchedule,
            "" or "off" or "none" => null,
            var cron when IsCron(cron) => cron,
            var cron => throw new SettingException(
                $"{ScheduleSetting}: '{cron}' bukan ekspresi cron Quartz (detik menit jam hari bulan hari-minggu, mis. \"{DefaultSchedule}\"); \"off\" mematikan cadangan terjadwal."),
        };
        var zoneName = configuration[TimeZoneSetting] is { Length: > 0 } zone ? zone : configuration["Kinerja:Rollup:TimeZone"] is { Length: > 0 } rollup ? rollup : "Asia/Jakarta";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var timeZone))
        {
            throw new SettingException($"{TimeZoneSetting}: '{zoneName}' bukan zona waktu yang dikenal (mis. Asia/Jakarta).");
        }
        var keepText = configuration[KeepSetting];
        var keep = 14;
        if (keepText is { Length: > 0 } && (!int.TryParse(keepText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out keep) || keep is < 1 or > 10000))
        {
            throw new SettingException($"{KeepSetting}: '{keepText}' harus bilangan bulat 1 sampai 10000 (berapa cadangan terakhir yang disimpan).");
        }
        var before = configuration[BeforeMigrationSetting] is not { Length: > 0 } text || (bool.TryParse(text, out var value)
            ? value
            : throw new SettingException($"{BeforeMigrationSetting}: '{text}' harus true atau false."));
        return new BackupSettings(directory, schedule, timeZone, keep, before);
    }
}
