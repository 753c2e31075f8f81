using System.Globalization;

namespace Kinerja.Shared.Periods;

public static class Iso8601
{
    /// <summary>An instant as the API gives it: ISO 8601 with milliseconds and its offset (2026-04-10T01:00:00.000+07:00).</summary>
    public static string ToIso8601(this DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
