using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kinerja.Bench.Registers;

/// <summary>What the host's import command printed: its tally line.</summary>
internal sealed record ImportTally(string Register, string Module, int Rows, int Accepted, int Inserted, int Updated, int Unchanged, int Refused);

/// <summary>One run of the host as a child process, timed, with its peak resident memory.</summary>
internal sealed record ChildRun(string[] Arguments, TimeSpan Wall, long PeakKilobytes, string PeakSource, double UserSeconds, double SystemSeconds,
    int ExitCode, string Output, string Error)
{
    public double CpuSeconds => UserSeconds + SystemSeconds;

    public ImportTally? Tally => ImportRunner.ParseTally(Output);
}

/// <summary>
/// Runs the host's command line as an operator does,
/// <c>dotnet Kinerja.Host.dll import REGISTER FILE --Kinerja:DataDirectory=DIR</c>, with the copy of the host
/// in the bench's output folder. Peak memory is the child's maximum resident set size as the kernel counts
/// it: from <c>/usr/bin/time</c> (%M) where present, else VmHWM of /proc/PID/status read every 20 ms while
/// it runs.
/// </summary>
internal static partial class ImportRunner
{
    private const string Time = "/usr/bin/time";

    public static string HostAssembly => HostProcess.HostAssembly;

    /// <summary>
    /// Imports a file, given by its absolute path as an operator types it, run in the file's folder (so that a
    /// host that lost --Kinerja:DataDirectory would write to FILES/data, which the bench's check of the stored
    /// rows catches).
    /// </summary>
    /// <param name="host">Another build's Kinerja.Host.dll; the one beside the bench when null.</param>
    public static Task<ChildRun> ImportAsync(string register, string file, string dataDirectory, IEnumerable<string>? settings = null, string? host = null) =>
        RunHostAsync(["import", register, Path.GetFullPath(file), $"--Kinerja:DataDirectory={dataDirectory}", .. settings ?? []], Path.GetDirectoryName(Path.GetFullPath(file))!, host);

    /// <summary>The host started with a command and no arguments: it starts, migrates, prints its usage and exits 2.</summary>
    public static Task<ChildRun> StartOnlyAsync(string dataDirectory, string? host = null) =>
        RunHostAsync(["import", $"--Kinerja:DataDirectory={dataDirectory}"], dataDirectory, host);

    public static async Task<ChildRun> RunHostAsync(string[] hostArguments, string workingDirectory, string? host = null)
    {
        host ??= HostAssembly;
        if (!File.Exists(host))
        {
            throw new FileNotFoundException(host == HostAssembly
                ? "Kinerja.Host.dll is not beside the bench; build the bench project (it references the host)."
                : $"{host} is not there; give --compare the Kinerja.Host.dll of a build.", host);
        }
        var useTime = File.Exists(Time);
        var timeFile = useTime ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo(useTime ? Time : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The host reads its appsettings.json beside the program, wherever it is started.
            WorkingDirectory = workingDirectory,
        };
        if (useTime)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("%M %U %S");
            start.ArgumentList.Add("-o");
            start.ArgumentList.Add(timeFile!);
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(host);
        foreach (var argument in hostArguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var output = new StringBuilder();
        var error = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        long polledPeak = 0;
        if (!useTime)
        {
            while (!process.HasExited)
            {
                polledPeak = Math.Max(polledPeak, ProcStatus.Kilobytes(process.Id, "VmHWM") ?? 0);
                await Task.Delay(20);
            }
        }
        await process.WaitForExitAsync();
        var wall = clock.Elapsed;

        long peak = polledPeak;
        double user = 0, system = 0;
        var source = "VmHWM polled every 20 ms";
        if (timeFile is not null)
        {
            // /usr/bin/time writes "Command exited with non-zero status N" first when the command fails.
            var last = File.ReadAllLines(timeFile).LastOrDefault(l => l.Length > 0) ?? "";
            File.Delete(timeFile);
            var fields = last.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3)
            {
                peak = long.Parse(fields[0], CultureInfo.InvariantCulture);
                user = double.Parse(fields[1], CultureInfo.InvariantCulture);
                system = double.Parse(fields[2], CultureInfo.InvariantCulture);
                source = "max RSS from /usr/bin/time";
            }
        }
        return new ChildRun(hostArguments, wall, peak, source, user, system, process.ExitCode, Text(output), Text(error));
    }

    public static ImportTally? ParseTally(string output)
    {
        var match = TallyLine().Match(output);
        if (!match.Success)
        {
            return null;
        }
        int N(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new ImportTally(match.Groups[1].Value, match.Groups[2].Value, N(3), N(4), N(5), N(6), N(7), N(8));
    }

    [GeneratedRegex(@"Impor (\S+) \((.*?)\): (\d+) baris, (\d+) diterima \((\d+) baru, (\d+) diperbarui, (\d+) tidak berubah\), (\d+) ditolak\.")]
    private static partial Regex TallyLine();

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (text)
        {
            // Refused rows are listed one a line; a bad file could print a million of them.
            if (text.Length < 200_000)
            {
                text.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
