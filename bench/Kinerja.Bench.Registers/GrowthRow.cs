using System.Globalization;

namespace Kinerja.Bench.Registers;

/// <summary>
/// Issue 26's growth table: one row per run (engine, size), each figure beside its floor from the same run, printed last
/// as a Markdown row to paste into bench/README.md under the run's load average.
/// </summary>
internal sealed class GrowthRow
{
    public (TimeSpan Wall, TimeSpan Floor, int Rows) Import { get; set; }

    public TimeSpan Reimport { get; set; }

    public long ImportPeakKilobytes { get; set; }

    /// <summary>The median of the cold counts, and the one-pass statements in the engine's shell.</summary>
    public (double Milliseconds, double Floor) Counts { get; set; }

    /// <summary>A restarted host's first iku (its counts kept in the database), and the same host's first <c>{ __typename }</c>: its cheapest first answer.</summary>
    public (double Milliseconds, double Floor) Restarted { get; set; }

    /// <summary>The host's peak over the counting runs, and a host's peak that has answered only <c>{ __typename }</c> with its warm-up off.</summary>
    public (long Kilobytes, long Floor) HostPeak { get; set; }

    public static string Header => "| engine | persons (rows) | load | pmks import, 1st | floor | rate / floor | same file again | again / 1st "
        + "| cold counts | floor | / floor | restarted host, first iku | its first `{ __typename }` | / that | host peak | host at rest | import peak |\n"
        + "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    public string Markdown(string engine, int persons, string load) => string.Create(CultureInfo.InvariantCulture,
        $"| {engine} | {F.N(persons)} ({F.N(Import.Rows)}) | {load} | {F.S(Import.Wall)} ({F.N(Import.Rows / Import.Wall.TotalSeconds)}/s) | {F.S(Import.Floor)} "
        + $"| {F.Ratio(Import.Floor / Import.Wall)} | {F.S(Reimport)} | {F.Ratio(Reimport / Import.Wall)} "
        + $"| {F.Ms(Counts.Milliseconds)} | {F.Ms(Counts.Floor)} | {F.Ratio(Counts.Milliseconds / Counts.Floor)} "
        + $"| {F.Ms(Restarted.Milliseconds)} | {F.Ms(Restarted.Floor)} | {F.Ratio(Restarted.Milliseconds / Restarted.Floor)} "
        + $"| {F.Mb(HostPeak.Kilobytes)} | {F.Mb(HostPeak.Floor)} | {F.Mb(ImportPeakKilobytes)} |");
}
