using System.Globalization;

namespace Kinerja.Bench.Common;

/// <summary>Fields of /proc/PID/status (Linux), in kB.</summary>
public static class ProcStatus
{
    public static long MemTotalKilobytes()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static long? Kilobytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var value = line[(field.Length + 1)..].Trim();
                    var space = value.IndexOf(' ');
                    return long.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the process has gone
        }
        return null;
    }
}

/// <summary>What the machine is doing besides the bench.</summary>
public static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages where the system tells them (Linux), else nothing.</summary>
    public static string LoadAverage(string prefix)
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 3 ? $"{prefix}{fields[0]} {fields[1]} {fields[2]}" : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
