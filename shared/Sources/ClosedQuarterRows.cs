using Kinerja.Shared.Formatting;
using Kinerja.Shared.Periods;

namespace Kinerja.Shared.Sources;

/// <summary>
/// The rows of one import that fall in a closed triwulan: stored all the same (registers are kept all year) and counted in
/// the periods still open, while the closed triwulan's figures answer from their snapshot. Each register says how its rows
/// fall: a service on its date, something active (a PMKS category, an institution, a TMP) on a triwulan's last day, where
/// stocks are read.
/// </summary>
public sealed class ClosedQuarterRows
{
    private readonly (int Year, int Quarter, DateOnly End)[] _closed;
    private readonly SortedSet<(int Year, int Quarter)> _touched = [];

    public ClosedQuarterRows(IEnumerable<(int Year, int Quarter)> closed) =>
        _closed = closed.Select(q => (q.Year, q.Quarter, Period.OfQuarter(q.Year, q.Quarter).End)).ToArray();

    /// <summary>Rows that fall in a closed triwulan.</summary>
    public int Count { get; private set; }

    /// <summary>A row dated <paramref name="day"/> (a service): counted when the day lies in a closed triwulan.</summary>
    public void Dated(DateOnly day)
    {
        var quarter = (day.Month - 1) / 3 + 1;
        if (_closed.Any(q => q.Year == day.Year && q.Quarter == quarter))
        {
            _touched.Add((day.Year, quarter));
            Count++;
        }
    }

    /// <summary>
    /// A row active from <paramref name="from"/> through <paramref name="to"/> (no end when null): counted when it is
    /// active on the last day of a closed triwulan, whose stocks it would have moved.
    /// </summary>
    public void Active(DateOnly from, DateOnly? to)
    {
        var counted = false;
        foreach (var (year, quarter, end) in _closed)
        {
            if (from <= end && (to is null || to >= end))
            {
                _touched.Add((year, quarter));
                counted = true;
            }
        }
        Count += counted ? 1 : 0;
    }

    /// <summary>What the count means, in the words of the answer; null when no row falls in a closed triwulan.</summary>
    public string? Note => Count == 0
        ? null
        : $"{IndonesianFormat.Number(Count)} baris jatuh pada triwulan yang sudah ditutup "
            + $"({string.Join(", ", _touched.Select(q => $"triwulan {IndonesianFormat.Roman(q.Quarter)} tahun {q.Year}"))}): baris itu disimpan dan dihitung pada "
            + "periode yang masih terbuka, tetapi angka triwulan yang ditutup tetap dari snapshot-nya sampai triwulan itu dibuka kembali "
            + "(reopenQuarter) dan di-rollup lagi";
}
